import type { JsonValue } from '../../json.js';
import type { Settlement } from '../../store.js';
import { insertEvents, type EventRow } from './insert-events.js';
import type { SqliteDb } from './sqlite-db.js';

// Every statement is fenced by `lease_token = ? AND state = 'running'`: a worker whose lease was
// reclaimed, cancelled or already settled changes nothing, so the first terminal state wins.
const FENCE = "WHERE id = ? AND lease_token = ? AND state = 'running' RETURNING attempts, seq";
const CLEAR = 'lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = ?';
const SQL = {
  retry: `UPDATE fleet_tasks SET state = 'retrying', run_at = ?, last_error = ?, ${CLEAR} ${FENCE}`,
  fail: `UPDATE fleet_tasks SET state = 'failed', last_error = ?, finished_at = ?, ${CLEAR} ${FENCE}`,
  dead: `UPDATE fleet_tasks SET state = 'dead', last_error = ?, finished_at = ?, ${CLEAR} ${FENCE}`,
  // A deferral and a release are not attempts: refund the one the claim charged.
  defer: `UPDATE fleet_tasks SET state = 'queued', run_at = ?, attempts = attempts - 1, ${CLEAR} ${FENCE}`,
  release: `UPDATE fleet_tasks SET state = 'queued', run_at = ?, attempts = attempts - 1, ${CLEAR} ${FENCE}`,
} as const;

// Successes are the hot path: a run of them is stored by one UPDATE … FROM json_each, each element
// [id, token, result JSON text], fenced like the others. A success writes no event row: its `done`
// event is read from the task row (events.ts).
const DONE_BATCH = `UPDATE fleet_tasks SET state = 'done', result = j.value ->> 2, finished_at = ?1,
    lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = ?1
  FROM json_each(?2) AS j
  WHERE fleet_tasks.id = j.value ->> 0 AND fleet_tasks.lease_token = j.value ->> 1 AND fleet_tasks.state = 'running'
  RETURNING fleet_tasks.id`;

const EVENT = { retry: 'retrying', fail: 'failed', dead: 'dead', defer: 'deferred', release: 'released' } as const;

type Other = Exclude<Settlement, { kind: 'done' }>;

function applyOne(db: SqliteDb, s: Other, now: number): EventRow | null {
  const fence = [s.id, s.token] as const;
  let row: Record<string, unknown> | undefined;
  let data: JsonValue | null = null;
  if (s.kind === 'retry') {
    row = db.statement(SQL.retry).get(s.runAt.getTime(), s.error, now, ...fence);
    data = { error: s.error, runAt: s.runAt.toISOString() };
  } else if (s.kind === 'fail' || s.kind === 'dead') {
    row = db.statement(SQL[s.kind]).get(s.error, now, now, ...fence);
    data = { error: s.error };
  } else if (s.kind === 'defer') {
    row = db.statement(SQL.defer).get(s.runAt.getTime(), now, ...fence);
    data = { reason: s.reason, runAt: s.runAt.toISOString() };
  } else {
    row = db.statement(SQL.release).get(now, now, ...fence);
  }
  return row === undefined
    ? null
    : [s.id, EVENT[s.kind], Number(row.attempts), data === null ? null : JSON.stringify(data), Number(row.seq)];
}

/** Applies settlements in order in one transaction; consecutive successes share one statement. */
export function settle(db: SqliteDb, settlements: readonly Settlement[]): boolean[] {
  if (settlements.length === 0) return [];
  const applied = db.write(() => applySettlements(db, settlements, Date.now()));
  wakeIfReady(db, settlements, applied);
  return applied;
}

/** A retry, deferral or release may be due now: wake local workers once the transaction committed. */
export function wakeIfReady(db: SqliteDb, settlements: readonly Settlement[], applied: readonly boolean[]): void {
  if (settlements.some((s, i) => applied[i] === true && (s.kind === 'release' || s.kind === 'retry' || s.kind === 'defer'))) db.wake();
}

/** The settlements inside the caller's write transaction (`settle`, `settleAndClaim`). */
export function applySettlements(db: SqliteDb, settlements: readonly Settlement[], now: number): boolean[] {
  const applied = settlements.map(() => false);
  const events: EventRow[] = [];
  let i = 0;
  while (i < settlements.length) {
    const s = settlements[i];
    if (s === undefined) break;
    if (s.kind !== 'done') {
      const event = applyOne(db, s, now);
      if (event !== null) events.push(event);
      applied[i] = event !== null;
      i += 1;
      continue;
    }
    const run: number[] = [];
    // One statement stores a run of successes with distinct ids (an UPDATE … FROM with two matching
    // elements would store an arbitrary one, and the rows it returns name only the task): a task
    // already in the run ends it, and its second settlement goes into the next statement, where the
    // fence refuses it if the first one applied, as when settled one by one.
    const inRun = new Set<string>();
    for (let next = settlements[i]; next?.kind === 'done' && !inRun.has(next.id); next = settlements[i]) {
      inRun.add(next.id);
      run.push(i);
      i += 1;
    }
    const batch = run.map((index) => {
      const done = settlements[index] as Extract<Settlement, { kind: 'done' }>;
      return [done.id, done.token, JSON.stringify(done.result)];
    });
    const stored = new Set(
      db
        .statement(DONE_BATCH)
        .all(now, JSON.stringify(batch))
        .map((row) => String(row.id)),
    );
    for (const index of run) {
      const id = settlements[index]?.id ?? '';
      applied[index] = stored.has(id);
    }
  }
  insertEvents(db, events, now);
  return applied;
}
