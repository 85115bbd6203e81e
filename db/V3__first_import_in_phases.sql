-- A first import serves every release's current file before it has the history: such a revision
-- knows the branch tip it was read at, not the commit that made the file. It is replaced by the
-- real revisions once the branch's history is read.
alter table revision add column provisional boolean not null default false;

-- What a run is doing while it goes on, for GET /api/v1/imports: its phase ('tips', 'fetch',
-- 'branches') and the latest progress it reported ("Receiving objects 45% (123456/274000)").
alter table import_run add column phase text;
alter table import_run add column progress text;
