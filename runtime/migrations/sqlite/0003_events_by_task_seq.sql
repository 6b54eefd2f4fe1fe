-- fleet-runtime SQLite schema, migration 3 (issue 11): a task's events are found by the task's
-- `seq` instead of its text id.
--
-- The index on (task_id) had 36-character keys, and the two events of a drained task are written
-- one claim apart: the `done` entry lands in the middle of the index, behind the `started` entries
-- of the tasks claimed after it, so leaves split all the time. SQLite's WAL holds whole pages, and
-- that index was half of the pages every claim-and-complete transaction wrote (19–20 → 10 pages,
-- 33 → 26 µs of CPU per task; docs/performance.md). `seq` is an 8-byte integer that claims visit in
-- increasing order, so the index stays small and is written at its end. `task_id` stays, for reading.
ALTER TABLE fleet_events ADD COLUMN task_seq INTEGER;
UPDATE fleet_events SET task_seq = (SELECT seq FROM fleet_tasks t WHERE t.id = fleet_events.task_id) WHERE task_id IS NOT NULL;
CREATE INDEX fleet_events_task_seq ON fleet_events (task_seq);
-- A process still running version 2 while another one applied this migration writes events
-- without a seq; they are found by task id through this index, which stays empty otherwise.
CREATE INDEX fleet_events_task_unkeyed ON fleet_events (task_id) WHERE task_seq IS NULL AND task_id IS NOT NULL;
DROP INDEX fleet_events_task;
