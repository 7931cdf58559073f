-- The collab module's tables. Documents are keyed by (project, path) by value: modules share
-- ids, never tables.

-- One row per live document. "version" is the number of committed ops (ShareDB's snapshot
-- version); it advances in the same transaction as each op insert, conditionally on its old
-- value, so two writers racing for one version cannot both win. "text" is the document at
-- "text_version" (<= version): the text is saved every few ops and at write-back, and loading
-- replays the ops after it, so a commit never rewrites a whole file.
create table collab_documents (
    project_id   uuid        not null,
    path         text        not null,
    version      bigint      not null check (version >= 1),
    text         text        not null,
    text_version bigint      not null check (text_version >= 1 and text_version <= version),
    updated_at   timestamptz not null,
    primary key (project_id, path)
);

-- The op log. (project_id, path, version) is the commit key: an op at a version exists at most
-- once. The create op is version 0 and carries the initial text in "op" as {"create": text}.
create table collab_ops (
    project_id uuid        not null,
    path       text        not null,
    version    bigint      not null check (version >= 0),
    src        text        not null,
    seq        bigint      not null,
    op         text        not null,
    author_id  uuid,
    created_at timestamptz not null,
    primary key (project_id, path, version)
);

-- Chat of live sessions, kept as history.
create table collab_chat (
    id         uuid        primary key,
    project_id uuid        not null,
    author_id  uuid        not null,
    text       text        not null,
    created_at timestamptz not null
);
create index collab_chat_by_project on collab_chat (project_id, created_at desc);
