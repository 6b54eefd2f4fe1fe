import type { ClaimInput, SettleAndClaimResult, Settlement } from '../../store.js';
import { claim } from './claim.js';
import type { PostgresDb } from './postgres-db.js';
import { settle } from './settle.js';

// Two statements on two pooled connections at once rather than one transaction: the settle waits
// for its WAL flush while the claim (asynchronously committed by default) does not, so running them
// side by side costs one flush of latency, and a claim never holds locks while a settle flushes.
// The two touch disjoint rows (a claim takes only ready tasks; a settle only running ones).
export async function settleAndClaim(db: PostgresDb, settlements: readonly Settlement[], input: ClaimInput): Promise<SettleAndClaimResult> {
  const [applied, claimed] = await Promise.allSettled([settle(db, settlements), claim(db, input)]);
  if (applied.status === 'rejected') throw applied.reason;
  if (claimed.status === 'rejected') {
    const reason = claimed.reason instanceof Error ? claimed.reason.message : String(claimed.reason);
    db.logger('error', `fleet-runtime: claim failed (outcomes were stored), will retry on the next poll: ${reason}`);
    return { applied: applied.value, claimed: [] };
  }
  return { applied: applied.value, claimed: claimed.value };
}
