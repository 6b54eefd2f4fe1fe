import type { ClaimInput, SettleAndClaimResult, Settlement } from '../../store.js';
import { claimRows } from './claim.js';
import { applySettlements, wakeIfReady } from './settle.js';
import type { SqliteDb } from './sqlite-db.js';

// One write transaction for both: a busy worker's claim and the previous batch's outcomes share a
// commit, which is most of the per-batch cost on SQLite (each commit appends every page it touched
// to the WAL, and both halves touch the same task, index and event pages). The settlements are
// applied first, so tasks they hand back (release, a due retry) can be claimed in the same call.
export function settleAndClaim(db: SqliteDb, settlements: readonly Settlement[], input: ClaimInput): SettleAndClaimResult {
  const result = db.write(() => {
    const now = Date.now();
    const applied = applySettlements(db, settlements, now);
    return { applied, claimed: claimRows(db, input, now) };
  });
  wakeIfReady(db, settlements, result.applied);
  return result;
}
