-- AI conversations: a session per conversation, its messages in order. A session's rows are
-- written when an answer completes (the user's message and the answer together), so a failed
-- call leaves no half conversation. Deleting a project deletes its sessions (ProjectDeleted).
create table ai_sessions (
    id         uuid        primary key,
    project_id uuid        not null,
    user_id    uuid        not null,
    title      text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index ai_sessions_by_project on ai_sessions (project_id, updated_at desc);

create table ai_messages (
    session_id    uuid        not null references ai_sessions (id) on delete cascade,
    seq           int         not null,
    role          text        not null check (role in ('user', 'assistant')),
    content       text        not null,
    path          text,
    edits         text,
    input_tokens  bigint,
    output_tokens bigint,
    created_at    timestamptz not null,
    primary key (session_id, seq)
);

-- Every call to a provider, successful or not, with the tokens it used: the per-user daily
-- budget sums these rows.
create table ai_usage (
    id            bigserial   primary key,
    user_id       uuid        not null,
    project_id    uuid        not null,
    session_id    uuid,
    provider      text        not null,
    model         text        not null,
    input_tokens  bigint      not null,
    output_tokens bigint      not null,
    outcome       text        not null,
    created_at    timestamptz not null
);
create index ai_usage_by_user on ai_usage (user_id, created_at);
