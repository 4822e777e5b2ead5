-- A transaction that calls pg_notify takes one database-wide lock at commit and holds it while its commit record is
-- flushed, so every span write queued behind every other one there (issue 14: COMMIT took 16 ms of a write's ~40 ms
-- at 20 writers). A span write made on its own announces itself after its commit instead (LayerAnnouncer); it names
-- the layer row and version it produced in the transaction-local setting relata.announced, and the trigger leaves
-- exactly that row version out. Every other change is announced by the trigger as before.
create or replace function relata_announce_layers() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if (select count(*) from new_rows) > 100 then
            perform relata_announce_bulk(array(select a.project_id from new_rows n join all_documents a on a.id = n.document_id));
        else
            perform pg_notify('relata_layer', relata_layer_payload(a.project_id, n.document_id, n.owner_kind, n.user_id,
                                                                   n.version, n.status))
               from new_rows n join old_rows o on o.id = n.id join all_documents a on a.id = n.document_id
              where (n.version is distinct from o.version or n.status is distinct from o.status)
                and n.id || ':' || n.version is distinct from current_setting('relata.announced', true)
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
