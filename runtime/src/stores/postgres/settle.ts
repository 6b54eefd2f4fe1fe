import type { JsonValue } from '../../json.js';
import type { Settlement } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';
import { jsonParam } from './rows.js';

// The whole batch is one statement (one round trip, one commit). `held` locks the rows in `seq`
// order: a heartbeat of the same worker locks in the same order, so the two can never deadlock.
// The fence (`lease_token` and `running`) is re-checked on the locked row, so a worker whose lease
// was reclaimed, cancelled or already settled changes nothing: the first terminal state wins.
//
// Each locked row finds its settlement by position: `$2` holds `id || ' ' || token` per settlement
// (a token is a UUID, so the pair is unambiguous), and `array_position` of the row's own id and
// token is the settlement's 1-based index into the other arrays, or NULL when the token is stale
// (the fence). Issue 11, seventh round: the previous form joined the rows to an `unnest` of the
// input, which the generic plan ran as a nested loop re-reading the whole input for every row
// (quadratic in the batch: ~4,900 tuple reads for the drain's ~70 outcomes per call) and carried
// every input column through the update as a whole-row value; the settle was 3× the claim's time
// per task. A duplicate (id, token) in one batch applies its first occurrence.
const build = (t: Tables) => `WITH held AS (
    SELECT t.seq, array_position($2::text[], t.id || ' ' || t.lease_token) AS ord FROM ${t.tasks} t
    WHERE t.id = ANY($1::text[]) AND t.state = 'running' AND array_position($2::text[], t.id || ' ' || t.lease_token) IS NOT NULL
    ORDER BY t.seq
    FOR UPDATE
  ), settled AS (
    UPDATE ${t.tasks} t SET
      state = CASE ($3::text[])[h.ord] WHEN 'done' THEN 'done' WHEN 'retry' THEN 'retrying' WHEN 'fail' THEN 'failed' WHEN 'dead' THEN 'dead' ELSE 'queued' END,
      result = CASE WHEN ($3::text[])[h.ord] = 'done' THEN ($4::text[])[h.ord]::jsonb ELSE t.result END,
      last_error = CASE WHEN ($3::text[])[h.ord] IN ('retry', 'fail', 'dead') THEN ($5::text[])[h.ord] ELSE t.last_error END,
      run_at = CASE WHEN ($3::text[])[h.ord] IN ('retry', 'defer') THEN ($6::timestamptz[])[h.ord] WHEN ($3::text[])[h.ord] = 'release' THEN now() ELSE t.run_at END,
      -- A deferral and a release are not attempts: refund the one the claim charged.
      attempts = CASE WHEN ($3::text[])[h.ord] IN ('defer', 'release') THEN t.attempts - 1 ELSE t.attempts END,
      finished_at = CASE WHEN ($3::text[])[h.ord] IN ('done', 'fail', 'dead') THEN now() ELSE NULL END,
      lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = now()
    FROM held h WHERE t.seq = h.seq
    RETURNING h.ord, t.id, t.seq, ($3::text[])[h.ord] AS kind, t.attempts, t.run_at
  ), logged AS (
    -- A success writes no event row: its \`done\` event is read from the task row (events.ts).
    INSERT INTO ${t.events} (task_id, task_seq, type, attempt, data)
    SELECT id, seq, CASE kind WHEN 'retry' THEN 'retrying' WHEN 'fail' THEN 'failed' WHEN 'dead' THEN 'dead'
                         WHEN 'defer' THEN 'deferred' ELSE 'released' END, attempts, ($7::text[])[ord]::jsonb
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
    settlements.map((s) => `${s.id} ${s.token}`),
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
