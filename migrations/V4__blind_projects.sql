-- Blind annotation (issue 10): when on, an annotator sees only the documents assigned to them and only their own
-- layer; when off, annotators may also read (not change) each other's layers. On for new projects. A project that
-- existed before and has no assignments stays open (blind off), so that no annotator loses sight of the documents
-- they were working on; a manager turns it on once documents are assigned.
alter table projects add column blind boolean not null default true;
update projects p set blind = false where not exists (select 1 from assignments a where a.project_id = p.id);
