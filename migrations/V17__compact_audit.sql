-- Issue 12, item 6: audit rows kept a full copy of the object before and after every write (about 400 bytes per
-- span write with their indexes), which left 25 MB of audit rows beside 6 MB of spans after a 20-second burst.
-- Now one compact "change": the fields of a created or deleted object without its empty ones, and for an update
-- only the fields that changed, as [old, new]. The document and layer a write touched are kept for the audit page
-- (filter by document, "in which layer"); they are plain numbers, so trashing a document keeps its history.
-- The change is json, not jsonb: nothing queries inside it, and its text is a third smaller than jsonb's form.
alter table audit_events add column document_id bigint, add column layer_id bigint, add column change json;

update audit_events set change = cast(jsonb_strip_nulls(case
    when before is null then after
    when after is null then before
    when jsonb_typeof(before) = 'object' and jsonb_typeof(after) = 'object' then (
        select coalesce(jsonb_object_agg(k, case
                   when before ? k and after ? k then jsonb_build_array(before -> k, after -> k)
                   else coalesce(after -> k, before -> k) end), '{}'::jsonb)
          from (select jsonb_object_keys(before) k union select jsonb_object_keys(after)) keys
         where (before -> k) is distinct from (after -> k))
    else jsonb_build_object('before', before, 'after', after) end) as json);
update audit_events set document_id = entity_id where entity in ('document', 'curation', 'suggestion', 'assignment');

alter table audit_events drop column before, drop column after;

-- Pages are read newest first per project with a keyset cursor on id, through one index on (project_id, id); no
-- query looks a row up by id alone, so the primary-key index (a quarter of the bytes of a row) goes. ids stay
-- unique: the sequence hands them out. The purge finds old rows through a BRIN index on the time, a few pages for
-- millions of rows (rows are appended in time order).
drop index audit_events_project_idx;
alter table audit_events drop constraint audit_events_pkey;
create index audit_events_project_id_idx on audit_events (project_id, id);
create index audit_events_at_brin on audit_events using brin (at);
