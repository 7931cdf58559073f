-- The containers module's table: one workspace per project. The project id is held by value
-- (modules share ids, never tables).
create table workspaces (
    project_id       uuid primary key,
    status           text        not null check (status in
                         ('none', 'creating', 'starting', 'running', 'stopping', 'stopped', 'failed')),
    container_id     text,
    image            text,
    started_by       uuid,
    started_at       timestamptz,
    last_activity_at timestamptz,
    detail           text,                    -- why it failed, or what was refused
    refused_keys     text        not null default '',
    forward_ports    text        not null default '',
    container_user   text,
    workspace_folder text,
    created_once     boolean     not null default false, -- onCreate/postCreate ran for this container
    updated_at       timestamptz not null
);
create index workspaces_running on workspaces (status) where status in ('running', 'starting');
