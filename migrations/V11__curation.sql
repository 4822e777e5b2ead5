-- Curation to gold and suggestions (issue 11, items 1 and 2).

-- The share of a document's annotators that must agree on an annotation for it to go into gold by itself when
-- curation starts: 1.0 means all of them (unanimous). Below one half two conflicting annotations could both pass.
alter table projects add column pre_accept_share numeric(4, 3) not null default 1.0
    check (pre_accept_share >= 0.5 and pre_accept_share <= 1.0);

-- A curator's "no" to an annotation proposed by annotators, so it stops being a disagreement. The key names the
-- annotation by what it is, not by a row (each annotator has their own row): "s|start|end|label" for a span,
-- "r|<head key>|<tail key>|label" for a relation (see org.relata.curation.CurationKeys).
create table curation_rejections (
    document_id bigint       not null references all_documents (id) on delete cascade,
    item_key    varchar(700) not null,
    user_id     bigint references users (id) on delete set null,
    at          timestamptz  not null default now(),
    primary key (document_id, item_key)
);

-- How sure whoever made a suggestion was (0..1 by convention, any number allowed); null when not said.
alter table spans add column score double precision;
alter table relations add column score double precision;

-- A suggestion an annotator turned down stays turned down for them (and only for them).
create table suggestion_rejections (
    span_id bigint      not null references spans (id) on delete cascade,
    user_id bigint      not null references users (id) on delete cascade,
    at      timestamptz not null default now(),
    primary key (span_id, user_id)
);
create index suggestion_rejections_user_idx on suggestion_rejections (user_id);
