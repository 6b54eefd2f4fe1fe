-- fleet-runtime PostgreSQL schema, migration 1. Append-only: never edit a released migration,
-- add the next numbered file instead. Applied with `search_path` set to the store's schema, so
-- names are unqualified here.

CREATE TABLE fleet_tasks (
  seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- insertion order, the claim tie-breaker
  id              text        NOT NULL UNIQUE,
  name            text        NOT NULL,
  payload         jsonb       NOT NULL,
  state           text        NOT NULL CHECK (state IN ('queued','running','retrying','done','failed','dead','cancelled')),
  key             text,
  tenant          text,
  priority        integer     NOT NULL DEFAULT 0,
  run_at          timestamptz NOT NULL,
  attempts        integer     NOT NULL DEFAULT 0,
  max_attempts    integer     NOT NULL,
  lost_leases     integer     NOT NULL DEFAULT 0,
  max_lost_leases integer     NOT NULL,
  lease_owner     text,
  lease_token     text,
  lease_until     timestamptz,
  last_error      text,
  result          jsonb,
  progress        jsonb,                                               -- {step, data}
  schedule        text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);

-- Every task row is updated several times and then finished: vacuum and analyze after 2 % of the
-- rows changed (default 20 %), so dead entries do not pile up in the ready index and the planner
-- sees the queue's real size.
ALTER TABLE fleet_tasks SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

-- Idempotent enqueue: one task per (name, key) while the row exists.
CREATE UNIQUE INDEX fleet_tasks_key ON fleet_tasks (name, key) WHERE key IS NOT NULL;
-- The claim scans only ready rows, in claim order; finished rows never enter this index, so the
-- polled set stays small however many finished tasks are kept for status.
CREATE INDEX fleet_tasks_ready ON fleet_tasks (priority DESC, run_at, seq) WHERE state IN ('queued', 'retrying');
-- The reaper looks only at running rows by lease end.
CREATE INDEX fleet_tasks_lease ON fleet_tasks (lease_until) WHERE state = 'running';
-- Listing newest first and purging by finish time.
CREATE INDEX fleet_tasks_created ON fleet_tasks (created_at);
CREATE INDEX fleet_tasks_finished ON fleet_tasks (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE fleet_events (
  id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id   text,
  schedule  text,
  type      text        NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  attempt   integer,
  data      jsonb
);
CREATE INDEX fleet_events_task ON fleet_events (task_id, id);
CREATE INDEX fleet_events_schedule ON fleet_events (schedule, id) WHERE schedule IS NOT NULL;

CREATE TABLE fleet_steps (
  task_id text        NOT NULL,
  name    text        NOT NULL,
  value   jsonb       NOT NULL,
  at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, name)
);

CREATE TABLE fleet_schedules (
  name          text        PRIMARY KEY,
  task_name     text        NOT NULL,
  payload       jsonb       NOT NULL,
  cron          text,
  interval_ms   bigint,
  time_zone     text,
  overlap       text        NOT NULL CHECK (overlap IN ('skip', 'allow')),
  next_run_at   timestamptz NOT NULL,
  last_fired_at timestamptz,
  last_task_id  text,
  missed        integer     NOT NULL DEFAULT 0,
  skipped       integer     NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
