-- Blind annotation (issue 10): when on, an annotator sees only the documents assigned to them and only their own
-- layer; when off, annotators may also read (not change) each other's layers. On by default, also for the projects
-- that exist already: an annotator of such a project sees nothing until documents are assigned to them.
alter table projects add column blind boolean not null default true;
