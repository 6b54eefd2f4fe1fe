-- DO NOT EDIT: generated from the numbered migrations (tables, columns, constraints, indexes read back from the catalog).
-- Regenerate: FLEET_WRITE_SCHEMA=1 npx vitest run runtime/test/postgres-schema.test.ts

TABLE fleet_events
  id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  task_id text
  schedule text
  type text NOT NULL
  at timestamp with time zone NOT NULL DEFAULT now()
  attempt integer
  data jsonb
  task_seq bigint

TABLE fleet_migrations
  version integer NOT NULL
  name text NOT NULL
  applied_at timestamp with time zone NOT NULL DEFAULT now()

TABLE fleet_schedules
  name text NOT NULL
  task_name text NOT NULL
  payload jsonb NOT NULL
  cron text
  interval_ms bigint
  time_zone text
  overlap text NOT NULL
  next_run_at timestamp with time zone NOT NULL
  last_fired_at timestamp with time zone
  last_task_id text
  missed integer NOT NULL DEFAULT 0
  skipped integer NOT NULL DEFAULT 0
  created_at timestamp with time zone NOT NULL DEFAULT now()
  updated_at timestamp with time zone NOT NULL DEFAULT now()

TABLE fleet_steps
  task_id text NOT NULL
  name text NOT NULL
  value jsonb NOT NULL
  at timestamp with time zone NOT NULL DEFAULT now()

TABLE fleet_tasks
  seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  id text NOT NULL
  name text NOT NULL
  payload jsonb NOT NULL
  state text NOT NULL
  key text
  tenant text
  priority integer NOT NULL DEFAULT 0
  run_at timestamp with time zone NOT NULL
  attempts integer NOT NULL DEFAULT 0
  max_attempts integer NOT NULL
  lost_leases integer NOT NULL DEFAULT 0
  max_lost_leases integer NOT NULL
  lease_owner text
  lease_token text
  lease_until timestamp with time zone
  last_error text
  result jsonb
  progress jsonb
  schedule text
  created_at timestamp with time zone NOT NULL DEFAULT now()
  updated_at timestamp with time zone NOT NULL DEFAULT now()
  finished_at timestamp with time zone

CONSTRAINT fleet_migrations.fleet_migrations_pkey: PRIMARY KEY (version)
CONSTRAINT fleet_schedules.fleet_schedules_overlap_check: CHECK ((overlap = ANY (ARRAY['skip'::text, 'allow'::text])))
CONSTRAINT fleet_schedules.fleet_schedules_pkey: PRIMARY KEY (name)
CONSTRAINT fleet_steps.fleet_steps_pkey: PRIMARY KEY (task_id, name)
CONSTRAINT fleet_tasks.fleet_tasks_id_key: UNIQUE (id)
CONSTRAINT fleet_tasks.fleet_tasks_pkey: PRIMARY KEY (seq)
CONSTRAINT fleet_tasks.fleet_tasks_state_check: CHECK ((state = ANY (ARRAY['queued'::text, 'running'::text, 'retrying'::text, 'done'::text, 'failed'::text, 'dead'::text, 'cancelled'::text])))
STORAGE fleet_tasks: autovacuum_vacuum_scale_factor=0.02, autovacuum_analyze_scale_factor=0.02

CREATE INDEX fleet_events_schedule ON fleet_events USING btree (schedule, id) WHERE (schedule IS NOT NULL);
CREATE INDEX fleet_events_task_seq ON fleet_events USING btree (task_seq, id);
CREATE INDEX fleet_events_task_unkeyed ON fleet_events USING btree (task_id) WHERE ((task_seq IS NULL) AND (task_id IS NOT NULL));
CREATE UNIQUE INDEX fleet_migrations_pkey ON fleet_migrations USING btree (version);
CREATE UNIQUE INDEX fleet_schedules_pkey ON fleet_schedules USING btree (name);
CREATE UNIQUE INDEX fleet_steps_pkey ON fleet_steps USING btree (task_id, name);
CREATE INDEX fleet_tasks_finished ON fleet_tasks USING btree (finished_at) WHERE (finished_at IS NOT NULL);
CREATE UNIQUE INDEX fleet_tasks_id_key ON fleet_tasks USING btree (id);
CREATE UNIQUE INDEX fleet_tasks_key ON fleet_tasks USING btree (name, key) WHERE (key IS NOT NULL);
CREATE INDEX fleet_tasks_lease ON fleet_tasks USING btree (lease_until) WHERE (state = 'running'::text);
CREATE UNIQUE INDEX fleet_tasks_pkey ON fleet_tasks USING btree (seq);
CREATE INDEX fleet_tasks_ready ON fleet_tasks USING btree (priority DESC, run_at, seq) WHERE (state = ANY (ARRAY['queued'::text, 'retrying'::text]));
