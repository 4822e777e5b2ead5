-- Which annotator is to annotate which document (issue 10). Unassigning deletes the row; the annotator's layer
-- stays unless the manager discards it explicitly.
create table assignments (
    document_id bigint      not null references documents (id) on delete cascade,
    user_id     bigint      not null references users (id) on delete cascade,
    project_id  bigint      not null references projects (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (document_id, user_id)
);
create index assignments_project_user_idx on assignments (project_id, user_id);
