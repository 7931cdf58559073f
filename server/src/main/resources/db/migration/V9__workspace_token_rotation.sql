-- A workspace's credential is rotated before it expires, and the previous one stays valid until its
-- own expiry (a tool in the middle of a request is not cut off): a project may hold two at a time.
drop index api_tokens_workspace;
create index api_tokens_workspace_project on api_tokens (project_id, created_at) where kind = 'workspace';

-- Tokens issued before this lived in container environments and never expired while a workspace
-- ran; none of them may outlive the upgrade.
delete from api_tokens where kind = 'workspace';
