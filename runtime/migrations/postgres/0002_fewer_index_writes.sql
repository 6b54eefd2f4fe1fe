-- fleet-runtime PostgreSQL schema, migration 2 (issue 11): fewer index writes per task.
--
-- A claim and an outcome both change `state`, which the partial indexes' predicates read, so
-- neither update can be HOT: each writes a new entry into every index of fleet_tasks. Every index
-- therefore costs three writes per task (enqueue, claim, outcome). The `created_at` index served
-- only `list` (an operator's query); `list` now walks the primary key (`seq`, insertion order)
-- backwards instead.
DROP INDEX fleet_tasks_created;

-- Events are read per task (`fleet_events_task`) or per schedule (`fleet_events_schedule`), both
-- ordered by `id`, and purged by task; nothing looks one up by `id` alone. The primary key's index
-- was a fourth index write per task (three events: enqueued, started, outcome). `id` stays
-- generated and unique by construction (an identity column), it is just no longer indexed alone.
ALTER TABLE fleet_events DROP CONSTRAINT fleet_events_pkey;
