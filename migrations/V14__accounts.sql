-- Issue 19, finding 5: names of hidden projects must not leak. A project name is no longer unique across the
-- installation; it is unique only among the projects the caller can see, which the service checks.
alter table projects drop constraint projects_name_key;
create index projects_name_idx on projects (name);

-- Creating projects is a right an admin grants. New accounts start without it; accounts that exist keep the
-- value they have (true for all of them until now), so nobody loses a right they were using.
alter table users alter column can_create_projects set default false;

-- Issue 19, finding 11: API tokens may be read-only and/or limited to chosen projects. project_scoped stays true
-- when the chosen projects are deleted, so such a token never widens to every project.
alter table api_tokens add column read_only boolean not null default false;
alter table api_tokens add column project_scoped boolean not null default false;
create table api_token_projects (
    token_id   bigint not null references api_tokens (id) on delete cascade,
    project_id bigint not null references projects (id) on delete cascade,
    primary key (token_id, project_id)
);

-- The security log: logins, failed logins, throttling, token creation and revocation, password changes and resets,
-- role grants. Names are copied as text (not foreign keys): an event outlives a deleted user, and a failed login
-- may name nobody. Purged after relata.security-log.retention-days.
create table security_events (
    id       bigint generated always as identity primary key,
    at       timestamptz not null default now(),
    type     varchar(40) not null,
    username varchar(200),
    actor    varchar(64),
    address  varchar(100),
    detail   varchar(500)
);
create index security_events_at_idx on security_events (at);
create index security_events_type_at_idx on security_events (type, at);
