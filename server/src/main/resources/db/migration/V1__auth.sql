-- The auth module's tables: users, sign-in sessions (refresh-token families) and API tokens.
create table users (
    id                 uuid primary key,
    email              text        not null unique,   -- stored lower-cased
    name               text        not null,
    password_hash      text        not null,
    role               text        not null check (role in ('admin', 'user')),
    active             boolean     not null default true,
    -- Raised by logout-all, password change and deactivation; access tokens carry the
    -- generation they were issued under and stop working when it moves on.
    session_generation integer     not null default 0,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create table refresh_token_families (
    id             uuid primary key,
    user_id        uuid        not null references users (id) on delete cascade,
    created_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text
);
create index refresh_token_families_user on refresh_token_families (user_id) where revoked_at is null;

create table refresh_tokens (
    token_hash bytea primary key,                     -- SHA-256 of the opaque token
    family_id  uuid        not null references refresh_token_families (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    rotated_at timestamptz                            -- set once, when exchanged for its successor
);
create index refresh_tokens_family on refresh_tokens (family_id);

create table api_tokens (
    id           uuid primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null unique,         -- SHA-256 of the opaque token
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);
