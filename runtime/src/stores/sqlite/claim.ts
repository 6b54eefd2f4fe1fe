import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../json.js';
import type { ClaimedTask, ClaimInput } from '../../store.js';
import { insertEvents } from './insert-events.js';
import type { SqliteDb } from './sqlite-db.js';

// One UPDATE … WHERE seq IN (SELECT … LIMIT n) RETURNING: the select and the state change happen
// under the write lock of the same statement, so two processes can never claim one row. A separate
// SELECT then UPDATE in a deferred transaction would need a lock upgrade and fail with SQLITE_BUSY.
const CLAIM = `UPDATE fleet_tasks
  SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_token = ?, lease_until = ?, updated_at = ?
  WHERE seq IN (
    SELECT seq FROM fleet_tasks
    WHERE state IN ('queued', 'retrying') AND run_at <= ? AND name IN (SELECT value FROM json_each(?))
    ORDER BY priority DESC, run_at, seq
    LIMIT ?)
  RETURNING id, name, payload, attempts, max_attempts, tenant, priority, run_at, seq`;

export function claim(db: SqliteDb, input: ClaimInput): ClaimedTask[] {
  if (input.limit <= 0 || input.names.length === 0) return [];
  return db.write(() => claimRows(db, input, Date.now()));
}

/** The claim inside the caller's write transaction (`claim`, `settleAndClaim`). */
export function claimRows(db: SqliteDb, input: ClaimInput, now: number): ClaimedTask[] {
  if (input.limit <= 0 || input.names.length === 0) return [];
  const leaseUntil = now + input.leaseMs;
  // One token per claim call: each claim is a fresh lease, and a reclaimed task gets a new token.
  const token = randomUUID();
  const rows = db.statement(CLAIM).all(input.owner, token, leaseUntil, now, now, JSON.stringify(input.names), input.limit);
  // RETURNING order is unspecified; hand tasks out in claim order.
  rows.sort((a, b) => Number(b.priority) - Number(a.priority) || Number(a.run_at) - Number(b.run_at) || Number(a.seq) - Number(b.seq));
  insertEvents(
    db,
    rows.map((row) => [String(row.id), 'started', Number(row.attempts), null, Number(row.seq)]),
    now,
  );
  return rows.map((row) => {
    const attempt = Number(row.attempts);
    return {
      id: String(row.id),
      name: String(row.name),
      payload: JSON.parse(String(row.payload)) as JsonValue,
      token,
      attempt,
      maxAttempts: Number(row.max_attempts),
      leaseUntil: new Date(leaseUntil),
      tenant: row.tenant === null ? null : String(row.tenant),
    };
  });
}
