-- The projects module's tables. Members hold user ids from the auth module by value: modules
-- share ids, never tables, so there is deliberately no foreign key into users.
create table projects (
    id          uuid primary key,
    name        text        not null,
    description text        not null default '',
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table project_members (
    project_id uuid        not null references projects (id) on delete cascade,
    user_id    uuid        not null,
    role       text        not null check (role in ('viewer', 'collaborator', 'owner')),
    added_at   timestamptz not null,
    primary key (project_id, user_id)
);
create index project_members_user on project_members (user_id);
