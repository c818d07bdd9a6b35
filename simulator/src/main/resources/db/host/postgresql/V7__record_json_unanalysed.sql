-- Version 7: ANALYZE leaves out the record's two JSON texts, result and items. No statement filters,
-- joins, groups or sorts on them (the host reads them whole, by the record's keys), so their
-- statistics never inform a plan; gathering them was about half of every analyze of `record`
-- (sorting and comparing some 30,000 sampled texts of 0.4-0.7 KB each), which autovacuum runs each
-- time a tenth of the table is new (docs/benchmarks.md, "Where the database's CPU goes").
ALTER TABLE record ALTER COLUMN result SET STATISTICS 0, ALTER COLUMN items SET STATISTICS 0;
