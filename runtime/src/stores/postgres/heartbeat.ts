import type { LeaseRef } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';
import { msParam } from './rows.js';

// One statement for every lease of a worker. Rows are locked in `seq` order (as `settle` does) so
// a heartbeat and a settle of the same worker cannot deadlock. A lease whose token changed
// (reclaimed), or whose task is no longer running (cancelled, settled), is not extended. As in
// `settle`, a row is matched to a lease by `array_position` of its own `id || ' ' || token` in `$2`
// rather than by joining an `unnest` of the leases, which the generic plan ran as a nested loop over
// every lease for every row (quadratic in the leases held).
const build = (t: Tables) => `WITH held AS (
    SELECT t.seq FROM ${t.tasks} t
    WHERE t.id = ANY($1::text[]) AND t.state = 'running' AND array_position($2::text[], t.id || ' ' || t.lease_token) IS NOT NULL
    ORDER BY t.seq
    FOR UPDATE
  )
  UPDATE ${t.tasks} t SET lease_until = now() + $3::bigint * interval '1 millisecond'
  FROM held WHERE t.seq = held.seq
  RETURNING t.id, t.lease_token`;

/** Extends every held lease; returns the ids whose lease is gone. */
export async function heartbeat(db: PostgresDb, leases: readonly LeaseRef[], leaseMs: number): Promise<string[]> {
  if (leases.length === 0) return [];
  const rows = await db.query<{ id: string; lease_token: string }>(db.statement('heartbeat', build), [
    leases.map((lease) => lease.id),
    leases.map((lease) => `${lease.id} ${lease.token}`),
    msParam(leaseMs),
  ]);
  // Judged per (id, token): a stale token for a task whose current lease is held is still lost.
  const held = new Set(rows.map((row) => `${row.id}\u0000${row.lease_token}`));
  return leases.filter((lease) => !held.has(`${lease.id}\u0000${lease.token}`)).map((lease) => lease.id);
}
