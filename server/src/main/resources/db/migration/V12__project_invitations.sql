-- Invitations to a project for an email that may not have an account yet. The link's secret is
-- kept only as its SHA-256 (token_hash): the database never holds a usable link. A row is single
-- use (accepted_at), lives until expires_at, and goes with its project (on delete cascade).
create table project_invitations (
    id          uuid primary key,
    project_id  uuid        not null references projects (id) on delete cascade,
    email       text        not null, -- lower-cased by the server
    role        text        not null check (role in ('viewer', 'collaborator')),
    token_hash  bytea       not null unique,
    invited_by  uuid        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid
);
create index project_invitations_project on project_invitations (project_id);
