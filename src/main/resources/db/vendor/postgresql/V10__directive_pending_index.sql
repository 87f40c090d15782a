-- The launcher's next chunk of a partition: a directive's unopened rows in account order, from
-- an index that holds only those (as V7 does for campaigns): the index of V9 would serve it
-- only with a sort of every unopened row. Partial indexes are PostgreSQL's; the demo's H2
-- registry is small enough without.
CREATE INDEX ix_directive_closure_pending ON directive_closure (directive_id, account_id)
    WHERE process_instance_id IS NULL;
