-- DO NOT EDIT: generated from the numbered migrations by `fleet-runtime schema --write`.

CREATE TABLE fleet_events (
  id        INTEGER PRIMARY KEY,
  task_id   TEXT,
  schedule  TEXT,
  type      TEXT    NOT NULL,
  at        INTEGER NOT NULL,
  attempt   INTEGER,
  data      TEXT                                -- JSON
, task_seq INTEGER);

CREATE TABLE fleet_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);

CREATE TABLE fleet_schedules (
  name          TEXT    PRIMARY KEY,
  task_name     TEXT    NOT NULL,
  payload       TEXT    NOT NULL,               -- JSON
  cron          TEXT,
  interval_ms   INTEGER,
  time_zone     TEXT,
  overlap       TEXT    NOT NULL CHECK (overlap IN ('skip', 'allow')),
  next_run_at   INTEGER NOT NULL,
  last_fired_at INTEGER,
  last_task_id  TEXT,
  missed        INTEGER NOT NULL DEFAULT 0,
  skipped       INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE fleet_steps (
  task_id TEXT    NOT NULL,
  name    TEXT    NOT NULL,
  value   TEXT    NOT NULL,                     -- JSON
  at      INTEGER NOT NULL,
  PRIMARY KEY (task_id, name)
) WITHOUT ROWID;

CREATE TABLE fleet_tasks (
  seq             INTEGER PRIMARY KEY,          -- rowid: insertion order, the claim tie-breaker
  id              TEXT    NOT NULL UNIQUE,
  name            TEXT    NOT NULL,
  payload         TEXT    NOT NULL,             -- JSON
  state           TEXT    NOT NULL CHECK (state IN ('queued','running','retrying','done','failed','dead','cancelled')),
  key             TEXT,
  tenant          TEXT,
  priority        INTEGER NOT NULL DEFAULT 0,
  run_at          INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  max_attempts    INTEGER NOT NULL,
  lost_leases     INTEGER NOT NULL DEFAULT 0,
  max_lost_leases INTEGER NOT NULL,
  lease_owner     TEXT,
  lease_token     TEXT,
  lease_until     INTEGER,
  last_error      TEXT,
  result          TEXT,                         -- JSON
  progress        TEXT,                         -- JSON {step, data}
  schedule        TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  finished_at     INTEGER
);

CREATE INDEX fleet_events_schedule ON fleet_events (schedule, id) WHERE schedule IS NOT NULL;

CREATE INDEX fleet_events_task_seq ON fleet_events (task_seq);

CREATE INDEX fleet_events_task_unkeyed ON fleet_events (task_id) WHERE task_seq IS NULL AND task_id IS NOT NULL;

CREATE INDEX fleet_tasks_finished ON fleet_tasks (finished_at) WHERE finished_at IS NOT NULL;

CREATE UNIQUE INDEX fleet_tasks_key ON fleet_tasks (name, key) WHERE key IS NOT NULL;

CREATE INDEX fleet_tasks_lease ON fleet_tasks (lease_until) WHERE state = 'running';

CREATE INDEX fleet_tasks_ready ON fleet_tasks (priority DESC, run_at, seq) WHERE state IN ('queued', 'retrying');
