import type { JsonValue } from '../../json.js';
import type { Settlement } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';
import { jsonParam } from './rows.js';

// The whole batch is one statement (one round trip, one commit). `held` locks the rows in `seq`
// order: a heartbeat of the same worker locks in the same order, so the two can never deadlock.
// The fence (`lease_token` and `running`) is re-checked on the locked row, so a worker whose lease
// was reclaimed, cancelled or already settled changes nothing: the first terminal state wins.
const build = (t: Tables) => `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
      WITH ORDINALITY AS i(id, token, kind, result, error, run_at, data, ord)
  ), held AS (
    SELECT t.seq, i.* FROM input i JOIN ${t.tasks} t ON t.id = i.id AND t.lease_token = i.token AND t.state = 'running'
    -- Spelled out so the plan is an index lookup per id even when statistics say the table is tiny.
    WHERE t.id = ANY($1::text[])
    ORDER BY t.seq
    FOR UPDATE OF t
  ), settled AS (
    UPDATE ${t.tasks} t SET
      state = CASE h.kind WHEN 'done' THEN 'done' WHEN 'retry' THEN 'retrying' WHEN 'fail' THEN 'failed' WHEN 'dead' THEN 'dead' ELSE 'queued' END,
      result = CASE WHEN h.kind = 'done' THEN h.result::jsonb ELSE t.result END,
      last_error = CASE WHEN h.kind IN ('retry', 'fail', 'dead') THEN h.error ELSE t.last_error END,
      run_at = CASE WHEN h.kind IN ('retry', 'defer') THEN h.run_at WHEN h.kind = 'release' THEN now() ELSE t.run_at END,
      -- A deferral and a release are not attempts: refund the one the claim charged.
      attempts = CASE WHEN h.kind IN ('defer', 'release') THEN t.attempts - 1 ELSE t.attempts END,
      finished_at = CASE WHEN h.kind IN ('done', 'fail', 'dead') THEN now() ELSE NULL END,
      lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = now()
    FROM held h WHERE t.seq = h.seq
    RETURNING h.ord, t.id, t.seq, h.kind, t.attempts, h.data, t.run_at
  ), logged AS (
    -- A success writes no event row: its \`done\` event is read from the task row (events.ts).
    INSERT INTO ${t.events} (task_id, task_seq, type, attempt, data)
    SELECT id, seq, CASE kind WHEN 'retry' THEN 'retrying' WHEN 'fail' THEN 'failed' WHEN 'dead' THEN 'dead'
                         WHEN 'defer' THEN 'deferred' ELSE 'released' END, attempts, data::jsonb
    FROM settled WHERE kind <> 'done' ORDER BY ord
  ), woken AS (
    SELECT pg_notify($8, '') FROM settled WHERE kind IN ('retry', 'defer', 'release') AND run_at <= now() LIMIT 1
  )
  SELECT ord, (SELECT count(*) FROM woken) AS woken FROM settled`;

function eventData(s: Settlement): JsonValue | null {
  switch (s.kind) {
    case 'retry':
      return { error: s.error, runAt: s.runAt.toISOString() };
    case 'fail':
    case 'dead':
      return { error: s.error };
    case 'defer':
      return { reason: s.reason, runAt: s.runAt.toISOString() };
    default:
      return null;
  }
}

export async function settle(db: PostgresDb, settlements: readonly Settlement[]): Promise<boolean[]> {
  if (settlements.length === 0) return [];
  const rows = await db.query<{ ord: string }>(db.statement('settle', build), [
    settlements.map((s) => s.id),
    settlements.map((s) => s.token),
    settlements.map((s) => s.kind),
    settlements.map((s) => (s.kind === 'done' ? jsonParam(s.result) : null)),
    settlements.map((s) => (s.kind === 'retry' || s.kind === 'fail' || s.kind === 'dead' ? s.error : null)),
    settlements.map((s) => (s.kind === 'retry' || s.kind === 'defer' ? s.runAt : null)),
    settlements.map((s) => {
      const data = eventData(s);
      return data === null ? null : jsonParam(data);
    }),
    db.channel,
  ]);
  const applied = new Set(rows.map((row) => Number(row.ord)));
  return settlements.map((_, index) => applied.has(index + 1));
}
