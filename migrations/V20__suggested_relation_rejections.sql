-- A suggested relation an annotator turned down stays turned down for them (and only for them), like a suggested
-- span (suggestion_rejections, V11).
create table suggestion_relation_rejections (
    relation_id bigint      not null references relations (id) on delete cascade,
    user_id     bigint      not null references users (id) on delete cascade,
    at          timestamptz not null default now(),
    primary key (relation_id, user_id)
);
create index suggestion_relation_rejections_user_idx on suggestion_relation_rejections (user_id);
