-- Projects over their whole life (issue 21): the trash, retired projects, and the record of deleted projects.

-- The trash. A trashed document keeps its row, its layers and its external id (which stays taken: the unique key
-- is on the table), but the view "documents" shows only the documents not in the trash. Every query of the
-- application reads "documents", so a trashed document answers 404 everywhere (document and layer calls, the
-- workspace, queues, exports, agreement, progress) without each query having to remember it. Only the trash
-- itself (org.relata.document.Trash), imports checking external ids and bulk loads name "all_documents".
-- The view is simple, so PostgreSQL updates and inserts through it; COPY needs the table.
-- Later migrations that change the documents' columns must alter all_documents and re-create the view.
alter table documents rename to all_documents;
alter table all_documents
    add column trashed_at timestamptz,
    add column trashed_by bigint references users (id) on delete set null;
create index all_documents_trashed_idx on all_documents (trashed_at) where trashed_at is not null;
create view documents as select * from all_documents where trashed_at is null;

-- A retired project is read-only for everyone and hidden on the project list by default.
alter table projects add column state varchar(8) not null default 'ACTIVE' check (state in ('ACTIVE', 'RETIRED'));

-- Deleting a project removes every row of it, its audit_events included; this record of the deletion has no
-- foreign key to the project, so it stays.
create table project_deletions (
    id           bigserial primary key,
    at           timestamptz  not null default now(),
    user_id      bigint references users (id) on delete set null,
    project_id   bigint       not null,
    project_name varchar(200) not null,
    counts       jsonb        not null default '{}'::jsonb
);

-- Dataset releases: an export frozen under a name. file is the export's bytes gzip-compressed (returned
-- uncompressed; sha256 is of the uncompressed bytes); snapshot is the same data as native JSONL, gzip-compressed,
-- which the diff between two releases reads whatever the release's format.
create table releases (
    id          bigserial primary key,
    project_id  bigint       not null references projects (id) on delete cascade,
    name        varchar(100) not null check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    created_at  timestamptz  not null default now(),
    created_by  varchar(64)  not null,
    format      varchar(20)  not null,
    source      varchar(80)  not null,
    status      varchar(8)   not null,
    split       varchar(400),
    seed        bigint,
    media_type  varchar(100) not null,
    file_name   varchar(200) not null,
    size        bigint       not null,
    sha256      varchar(64)  not null,
    counts      jsonb        not null,
    file        bytea        not null,
    snapshot    bytea        not null,
    constraint releases_name_key unique (project_id, name)
);
