-- fleet-runtime PostgreSQL schema, migration 3 (issue 11): a task's events are found by the task's
-- `seq` instead of its text id.
--
-- The index on (task_id, id) had 36-character text keys, and the two events of a drained task are
-- written one claim apart, the second in the middle of the index. Measured on a drain of 20,000
-- no-op tasks, that index was 17 % of the WAL per task (1,712–1,745 → 1,441–1,443 bytes without it)
-- and about a tenth of the backends' CPU (docs/performance.md). `seq` is an 8-byte integer that
-- claims visit in increasing order. `task_id` stays, for reading.
--
-- On a large events table the UPDATE rewrites every task event once; run it when the queue is quiet.
ALTER TABLE fleet_events ADD COLUMN task_seq bigint;
UPDATE fleet_events e SET task_seq = t.seq FROM fleet_tasks t WHERE t.id = e.task_id;
CREATE INDEX fleet_events_task_seq ON fleet_events (task_seq, id);
-- A process still running version 2 while another one applied this migration writes events
-- without a seq; they are found by task id through this index, which stays empty otherwise.
CREATE INDEX fleet_events_task_unkeyed ON fleet_events (task_id) WHERE task_seq IS NULL AND task_id IS NOT NULL;
DROP INDEX fleet_events_task;
