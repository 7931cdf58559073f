-- Everyone whose live edits went into a version, in the order they last typed (the last one is
-- also author_id). Empty for versions written by one caller through the API, or found on disk.
alter table file_versions add column author_ids uuid[] not null default '{}';
