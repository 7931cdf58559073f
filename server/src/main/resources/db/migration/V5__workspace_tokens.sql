-- Workspace-scoped tokens live beside personal API tokens: the same hashing and lookup, but
-- tied to one project and valid only while that project's workspace runs.
alter table api_tokens add column kind text not null default 'personal' check (kind in ('personal', 'workspace'));
alter table api_tokens add column project_id uuid;
create unique index api_tokens_workspace on api_tokens (project_id) where kind = 'workspace';
