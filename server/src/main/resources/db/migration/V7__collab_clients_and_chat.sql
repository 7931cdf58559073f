-- Connection ids (ShareDB's "src") issued to users. A client that reconnects after a restart,
-- or to another node, presents its old id so the op it resends is recognised as already
-- applied; the id is honoured only for the user it was issued to. Rows older than
-- vaporform.collab.client-id-ttl are deleted by a periodic clean-up.
create table collab_clients (
    src       text        primary key,
    user_id   uuid        not null,
    issued_at timestamptz not null
);
create index collab_clients_by_age on collab_clients (issued_at);

-- Chat pages go newest first by (created_at, id); the id breaks ties between equal timestamps.
drop index collab_chat_by_project;
create index collab_chat_by_project on collab_chat (project_id, created_at desc, id desc);

-- Live sessions: a project has at most one open session (ended_at null) while anyone is in it.
create table collab_sessions (
    id         uuid        primary key,
    project_id uuid        not null,
    started_at timestamptz not null,
    ended_at   timestamptz
);
create unique index collab_sessions_open on collab_sessions (project_id) where ended_at is null;

-- Who is in a session, per node: a row while the user has an events socket subscribed to the
-- project on that node. Rows of a node that stopped sending heartbeats (collab_nodes) are
-- ignored and then removed, so a crashed node's participants do not linger.
create table collab_participants (
    session_id uuid        not null,
    user_id    uuid        not null,
    node_id    text        not null,
    joined_at  timestamptz not null,
    primary key (session_id, user_id, node_id)
);
create table collab_nodes (
    node_id text        primary key,
    seen_at timestamptz not null
);
