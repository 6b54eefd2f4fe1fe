import type { LeaseRef } from '../../store.js';
import type { SqliteDb } from './sqlite-db.js';

const EXTEND = "UPDATE fleet_tasks SET lease_until = ? WHERE id = ? AND lease_token = ? AND state = 'running'";

/** Extends every held lease in one transaction; returns the ids whose lease is gone. */
export function heartbeat(db: SqliteDb, leases: readonly LeaseRef[], leaseMs: number): string[] {
  if (leases.length === 0) return [];
  const leaseUntil = Date.now() + leaseMs;
  return db.write(() => {
    const extend = db.statement(EXTEND);
    return leases.filter((lease) => Number(extend.run(leaseUntil, lease.id, lease.token).changes) === 0).map((lease) => lease.id);
  });
}
