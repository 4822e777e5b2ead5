-- Issue 13: everything a brat corpus holds — discontinuous spans, typed notes, equivalences, events, visual.conf
-- display names and the entity-link resources a project allows.

-- A discontinuous span's fragments [[start, end], ...] in text order (code points, end-exclusive, not overlapping);
-- null for a contiguous span. start_offset/end_offset stay the outer bounds, so every query by offsets still works.
alter table spans add column fragments jsonb
    check (fragments is null or (jsonb_typeof(fragments) = 'array' and jsonb_array_length(fragments) >= 2));

-- Notes of a type other than brat's AnnotatorNotes (which stays the column "note"): [{"type","text"}], in file order.
alter table spans add column typed_notes jsonb not null default '[]'::jsonb check (jsonb_typeof(typed_notes) = 'array');
alter table relations add column typed_notes jsonb not null default '[]'::jsonb check (jsonb_typeof(typed_notes) = 'array');

-- visual.conf labels: the long display name of a type (the name stays the key files use).
alter table entity_types add column display_name varchar(200);
alter table relation_types add column display_name varchar(200);

-- Entity-link resources the project allows (["Wikidata", "UniProt"]); empty: any resource.
alter table projects add column link_resources jsonb not null default '[]'::jsonb
    check (jsonb_typeof(link_resources) = 'array');

-- brat's "* Equiv T1 T2 T3": an undirected group of spans of one layer.
create table equivalences (
    id       bigserial primary key,
    layer_id bigint       not null references annotation_layers (id) on delete cascade,
    type     varchar(100) not null check (type ~ '^[^\s]+$')
);
create index equivalences_layer_idx on equivalences (layer_id);

create table equivalence_members (
    equivalence_id bigint not null references equivalences (id) on delete cascade,
    position       int    not null,
    span_id        bigint not null,
    layer_id       bigint not null,
    primary key (equivalence_id, position),
    foreign key (span_id, layer_id) references spans (id, layer_id) on delete cascade
);
create index equivalence_members_span_idx on equivalence_members (span_id);

-- Event types from annotation.conf's [events]: roles [{"role","types":[...],"min","max"}] in the file's order;
-- a role's types name entity types or event types ("<ENTITY>", "<EVENT>" for any).
create table event_types (
    id         bigserial primary key,
    project_id bigint       not null references projects (id) on delete cascade,
    name       varchar(100) not null check (name ~ '^[^\s]+$'),
    roles      jsonb        not null default '[]'::jsonb check (jsonb_typeof(roles) = 'array'),
    position   int          not null default 0,
    constraint event_types_name_key unique (project_id, name)
);

-- brat's "E1 Binding:T5 Theme:T1 Theme2:T2": a trigger span, a type and ordered role → argument pairs.
create table events (
    id              bigserial primary key,
    layer_id        bigint not null,
    trigger_span_id bigint not null,
    event_type_id   bigint not null references event_types (id) on delete cascade,
    attributes      jsonb  not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
    note            text,
    typed_notes     jsonb  not null default '[]'::jsonb check (jsonb_typeof(typed_notes) = 'array'),
    constraint events_id_layer_key unique (id, layer_id),
    foreign key (trigger_span_id, layer_id) references spans (id, layer_id) on delete cascade
);
create index events_layer_idx on events (layer_id);
create index events_trigger_idx on events (trigger_span_id);

-- An argument is a span or another event of the same layer; the role keeps brat's number (Theme2).
create table event_arguments (
    event_id          bigint       not null,
    layer_id          bigint       not null,
    position          int          not null,
    role              varchar(100) not null check (role ~ '^[^\s:]+$'),
    span_id           bigint,
    argument_event_id bigint,
    primary key (event_id, position),
    constraint event_arguments_one_target check ((span_id is null) <> (argument_event_id is null)),
    foreign key (event_id, layer_id) references events (id, layer_id) on delete cascade,
    foreign key (span_id, layer_id) references spans (id, layer_id) on delete cascade,
    foreign key (argument_event_id, layer_id) references events (id, layer_id) on delete cascade
);
create index event_arguments_span_idx on event_arguments (span_id);
create index event_arguments_event_idx on event_arguments (argument_event_id);
