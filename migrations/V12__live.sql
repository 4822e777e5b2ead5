-- Live updates (issue 11): every committed change of a layer is announced on the channel relata_layer, so that
-- each app instance (one LISTEN connection each, org.relata.workflow.live) can tell the pages open on it.
-- A trigger rather than Java code: it covers every writer (the workspace's calls, imports, curation, scripts with
-- SQL), and PostgreSQL delivers a NOTIFY only when its transaction commits, never for a rolled-back one.
-- Payload (JSON): p project id, d document id, k owner kind, o owner name as the API names it (username, gold,
-- suggestions), u user id (USER layers), v version (-1 once deleted), s status.
-- A statement that touches more than 100 layers (a bulk import, discarding a user's layers) sends one
-- {"p": project, "bulk": true} per project instead: nobody has most of those documents open, and a dashboard only
-- needs to know that something changed.

create function relata_layer_payload(project_id bigint, document_id bigint, owner_kind varchar, user_id bigint,
                                     version bigint, status varchar) returns text language sql stable as $$
    select json_build_object('p', project_id, 'd', document_id, 'k', owner_kind,
               'o', case owner_kind when 'USER' then (select username from users where id = user_id)
                                    when 'GOLD' then 'gold' else 'suggestions' end,
               'u', user_id, 'v', version, 's', status)::text
$$;

create function relata_announce_bulk(project_ids bigint[]) returns void language sql as $$
    select pg_notify('relata_layer', json_build_object('p', p, 'bulk', true)::text)
      from (select distinct unnest(project_ids) as p) projects
$$;

create function relata_announce_layers() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if (select count(*) from new_rows) > 100 then
            perform relata_announce_bulk(array(select a.project_id from new_rows n join all_documents a on a.id = n.document_id));
        else
            perform pg_notify('relata_layer', relata_layer_payload(a.project_id, n.document_id, n.owner_kind, n.user_id,
                                                                   n.version, n.status))
               from new_rows n join old_rows o on o.id = n.id join all_documents a on a.id = n.document_id
              where n.version is distinct from o.version or n.status is distinct from o.status
              order by n.id;
        end if;
    elsif tg_op = 'INSERT' then
        if (select count(*) from new_rows) > 100 then
            perform relata_announce_bulk(array(select a.project_id from new_rows n join all_documents a on a.id = n.document_id));
        else
            perform pg_notify('relata_layer', relata_layer_payload(a.project_id, n.document_id, n.owner_kind, n.user_id,
                                                                   n.version, n.status))
               from new_rows n join all_documents a on a.id = n.document_id order by n.id;
        end if;
    else
        -- A document deleted for good takes its layers along; nobody can have it open any more, and its row is
        -- already gone, so nothing is announced for it.
        if (select count(*) from old_rows) > 100 then
            perform relata_announce_bulk(array(select a.project_id from old_rows o join all_documents a on a.id = o.document_id));
        else
            perform pg_notify('relata_layer', relata_layer_payload(a.project_id, o.document_id, o.owner_kind, o.user_id,
                                                                   -1, o.status))
               from old_rows o join all_documents a on a.id = o.document_id order by o.id;
        end if;
    end if;
    return null;
end
$$;

create trigger annotation_layers_inserted after insert on annotation_layers
    referencing new table as new_rows for each statement execute function relata_announce_layers();
create trigger annotation_layers_updated after update on annotation_layers
    referencing old table as old_rows new table as new_rows for each statement execute function relata_announce_layers();
create trigger annotation_layers_deleted after delete on annotation_layers
    referencing old table as old_rows for each statement execute function relata_announce_layers();
