-- fleet-runtime SQLite schema, migration 2 (issue 11): fewer index writes per task.
-- Every claim and outcome rewrites the task row's entry in each index of fleet_tasks. The
-- `created_at` index served only `list` (an operator's query); `list` now walks the rowid (`seq`,
-- insertion order) backwards instead.
DROP INDEX fleet_tasks_created;
