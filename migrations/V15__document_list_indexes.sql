-- The managers' document list (issue 21, item 5) pages by keyset in every order. Name and id already have their
-- indexes; these give length, and a layer's status and last change, an order to walk instead of a sort of every
-- document of the project.
create index all_documents_project_length_idx on all_documents (project_id, length, id);
create index annotation_layers_owner_status_idx
    on annotation_layers (owner_kind, (coalesce(user_id, 0)), status, document_id);
create index annotation_layers_owner_changed_idx
    on annotation_layers (owner_kind, (coalesce(user_id, 0)), updated_at, document_id);
-- The documents not in the trash, per project, by id: counts (index-only) and the by-status branches' walk.
create index all_documents_live_project_idx on all_documents (project_id, id) where trashed_at is null;
