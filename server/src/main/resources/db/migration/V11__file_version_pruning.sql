-- Old versions may be pruned to keep a project's history within its budget: the row stays (the
-- history still lists the version, marked pruned) and only its blob goes, once no kept version of
-- the project has the same content. The index finds "does a kept version still use this blob".
alter table file_versions add column pruned_at timestamptz;
create index file_versions_content on file_versions (project_id, sha256);
