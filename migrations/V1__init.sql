-- Relata schema. Offsets are Unicode code points, end-exclusive.
-- Constraints live here so that bad states cannot be stored, whatever the Java code does.

create table users (
    id            bigserial primary key,
    username      varchar(64) not null,
    password_hash varchar(100) not null,
    admin         boolean      not null default false,
    enabled       boolean      not null default true,
    can_create_projects boolean not null default true,
    created_at    timestamptz  not null default now(),
    constraint users_username_key unique (username),
    constraint users_username_format check (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$')
);

create table api_tokens (
    id           bigserial primary key,
    user_id      bigint       not null references users (id) on delete cascade,
    name         varchar(100) not null check (length(trim(name)) > 0),
    -- SHA-256 of the token, hex: the token itself is shown once and never stored.
    token_hash   varchar(64)    not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint api_tokens_hash_key unique (token_hash)
);
create index api_tokens_user_idx on api_tokens (user_id);

create table projects (
    id          bigserial primary key,
    name        varchar(200) not null check (length(trim(name)) > 0),
    description text         not null default '',
    guidelines  text         not null default '',
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0,
    constraint projects_name_key unique (name)
);

create table project_members (
    project_id bigint      not null references projects (id) on delete cascade,
    user_id    bigint      not null references users (id) on delete cascade,
    role       varchar(16) not null check (role in ('MANAGER', 'CURATOR', 'ANNOTATOR')),
    primary key (project_id, user_id)
);
create index project_members_user_idx on project_members (user_id);

create table entity_types (
    id         bigserial primary key,
    project_id bigint       not null references projects (id) on delete cascade,
    name       varchar(100) not null check (name ~ '^[^\s]+$'),
    color      varchar(7)   not null check (color ~ '^#[0-9a-f]{6}$'),
    hotkey     varchar(1),
    position   int          not null default 0,
    constraint entity_types_name_key unique (project_id, name),
    constraint entity_types_hotkey_key unique (project_id, hotkey),
    -- lets pairs and spans name a type together with its project
    constraint entity_types_id_project_key unique (id, project_id)
);

create table relation_types (
    id         bigserial primary key,
    project_id bigint       not null references projects (id) on delete cascade,
    name       varchar(100) not null check (name ~ '^[^\s]+$'),
    color      varchar(7)   not null check (color ~ '^#[0-9a-f]{6}$'),
    hotkey     varchar(1),
    directed   boolean      not null default true,
    position   int          not null default 0,
    constraint relation_types_name_key unique (project_id, name),
    constraint relation_types_id_project_key unique (id, project_id)
);

-- Allowed (head, tail) entity-type pairs of a relation type; none means any pair.
-- The composite keys keep all three types in the same project.
create table relation_type_pairs (
    relation_type_id bigint not null,
    project_id       bigint not null,
    head_type_id     bigint not null,
    tail_type_id     bigint not null,
    primary key (relation_type_id, head_type_id, tail_type_id),
    foreign key (relation_type_id, project_id) references relation_types (id, project_id) on delete cascade,
    foreign key (head_type_id, project_id) references entity_types (id, project_id) on delete cascade,
    foreign key (tail_type_id, project_id) references entity_types (id, project_id) on delete cascade
);

create table attribute_defs (
    id             bigserial primary key,
    project_id     bigint       not null references projects (id) on delete cascade,
    name           varchar(100) not null check (name ~ '^[^\s]+$'),
    target         varchar(8)   not null check (target in ('span', 'relation')),
    -- null: a boolean attribute; a JSON array of strings: one of those values
    allowed_values jsonb check (allowed_values is null or jsonb_typeof(allowed_values) = 'array'),
    position       int          not null default 0,
    constraint attribute_defs_name_key unique (project_id, target, name)
);

create table documents (
    id          bigserial primary key,
    project_id  bigint       not null references projects (id) on delete cascade,
    external_id varchar(500) not null check (length(external_id) > 0),
    text        text         not null,
    meta        jsonb        not null default '{}'::jsonb check (jsonb_typeof(meta) = 'object'),
    -- length in code points; PostgreSQL's char_length counts code points in UTF-8 databases
    length      int          not null check (length >= 0),
    created_at  timestamptz  not null default now(),
    constraint documents_external_id_key unique (project_id, external_id),
    constraint documents_id_length_key unique (id, length),
    constraint documents_length_matches check (length = char_length(text))
);

-- One layer of annotations on a document: a user's, the curated gold standard, or suggestions.
create table annotation_layers (
    id          bigserial primary key,
    document_id bigint      not null,
    doc_length  int         not null,
    owner_kind  varchar(12) not null check (owner_kind in ('USER', 'GOLD', 'SUGGESTIONS')),
    user_id     bigint references users (id) on delete cascade,
    status      varchar(12) not null default 'NEW' check (status in ('NEW', 'IN_PROGRESS', 'DONE')),
    version     bigint      not null default 0,
    updated_at  timestamptz not null default now(),
    constraint annotation_layers_owner check ((owner_kind = 'USER') = (user_id is not null)),
    constraint annotation_layers_id_length_key unique (id, doc_length),
    foreign key (document_id, doc_length) references documents (id, length) on delete cascade on update cascade
);
create unique index annotation_layers_owner_key
    on annotation_layers (document_id, owner_kind, coalesce(user_id, 0));
create index annotation_layers_user_idx on annotation_layers (user_id);

create table spans (
    id             bigserial primary key,
    layer_id       bigint not null,
    doc_length     int    not null,
    start_offset   int    not null,
    end_offset     int    not null,
    entity_type_id bigint not null references entity_types (id) on delete cascade,
    attributes     jsonb  not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
    note           text,
    -- entity links (brat normalizations): [{"resource","id","text"}]
    links          jsonb  not null default '[]'::jsonb check (jsonb_typeof(links) = 'array'),
    constraint spans_offsets check (0 <= start_offset and start_offset < end_offset and end_offset <= doc_length),
    constraint spans_id_layer_key unique (id, layer_id),
    foreign key (layer_id, doc_length) references annotation_layers (id, doc_length) on delete cascade on update cascade
);
create index spans_layer_idx on spans (layer_id, start_offset, end_offset);
create index spans_type_idx on spans (entity_type_id);

create table relations (
    id               bigserial primary key,
    layer_id         bigint not null references annotation_layers (id) on delete cascade,
    head_span_id     bigint not null,
    tail_span_id     bigint not null,
    relation_type_id bigint not null references relation_types (id) on delete cascade,
    attributes       jsonb  not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
    note             text,
    -- head and tail must be spans of this same layer
    foreign key (head_span_id, layer_id) references spans (id, layer_id) on delete cascade,
    foreign key (tail_span_id, layer_id) references spans (id, layer_id) on delete cascade
);
create index relations_layer_idx on relations (layer_id);
create index relations_head_idx on relations (head_span_id);
create index relations_tail_idx on relations (tail_span_id);
create index relations_type_idx on relations (relation_type_id);

create table audit_events (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    user_id     bigint references users (id) on delete set null,
    project_id  bigint references projects (id) on delete cascade,
    action      varchar(40)  not null,
    entity      varchar(40)  not null,
    entity_id   bigint,
    before      jsonb,
    after       jsonb
);
create index audit_events_project_idx on audit_events (project_id, at);
