-- Issue 19, finding 11 and issue 17, finding 4: one row per browser session, so that a user can see their sessions
-- and end any one of them, and each session has its own CSRF token. The browser holds a random secret (the
-- relata-sid cookie); only its SHA-256 is stored, so the table's contents cannot be replayed as a cookie. The
-- random id is what the account page and the API show and end. Ending a session deletes its row; rows idle for
-- longer than the form login's timeout are purged (UserSessions, a RetentionPurge).
create table user_sessions (
    id             uuid primary key,
    user_id        bigint not null references users (id) on delete cascade,
    secret_hash    bytea not null,
    csrf_token     varchar(64) not null,
    created_at     timestamptz not null default now(),
    last_seen_at   timestamptz not null default now(),
    client_address varchar(100),
    user_agent     varchar(200),
    constraint user_sessions_secret_hash_key unique (secret_hash)
);
create index user_sessions_user_idx on user_sessions (user_id);
create index user_sessions_last_seen_idx on user_sessions (last_seen_at);

-- The per-user session epoch (V3) did the ending before; the rows above replace it.
alter table users drop column session_epoch;
