import type { CommitFloor } from './commit-floor.js';
import type { RawResult } from './raw-ceiling.js';
import type { SystemResult } from './system.js';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const medianOrNull = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Number(median(present).toFixed(2));
};

/** Per system (by name), the median of every metric over the rounds. */
export function medianResults(rounds: readonly SystemResult[][]): SystemResult[] {
  const first = rounds[0] ?? [];
  return first
    .map((template) => {
      const runs = rounds.flatMap((round) => round.filter((r) => r.system === template.system));
      return {
        ...template,
        enqueueSinglePerSec: medianOrNull(runs.map((r) => r.enqueueSinglePerSec)),
        enqueueBulkPerSec: medianOrNull(runs.map((r) => r.enqueueBulkPerSec)),
        drainPerSec: Math.round(median(runs.map((r) => r.drainPerSec))),
        drainSeconds: Number(median(runs.map((r) => r.drainSeconds)).toFixed(3)),
        bulkNodeCpuSeconds: Number(median(runs.map((r) => r.bulkNodeCpuSeconds)).toFixed(2)),
        drainNodeCpuSeconds: Number(median(runs.map((r) => r.drainNodeCpuSeconds)).toFixed(2)),
        bulkDbCpuSeconds: medianOrNull(runs.map((r) => r.bulkDbCpuSeconds)),
        drainDbCpuSeconds: medianOrNull(runs.map((r) => r.drainDbCpuSeconds)),
        bulkWalBytesPerJob: medianOrNull(runs.map((r) => r.bulkWalBytesPerJob)),
        drainWalBytesPerJob: medianOrNull(runs.map((r) => r.drainWalBytesPerJob)),
        latencyP50Ms: medianOrNull(runs.map((r) => r.latencyP50Ms)),
        latencyP99Ms: medianOrNull(runs.map((r) => r.latencyP99Ms)),
        commitFloorP50Ms: medianOrNull(runs.map((r) => r.commitFloorP50Ms)),
      };
    })
    .sort((a, b) => order(a.system) - order(b.system));
}

const ORDER = ['fleet-runtime (postgres)', 'graphile-worker', 'pg-boss', 'fleet-runtime (sqlite)'];
const order = (name: string) => ORDER.indexOf(name);

/** Per loop count and claim commit mode, the median drain rate over the rounds. */
export function medianRaw(rounds: readonly RawResult[][]): RawResult[] {
  return (rounds[0] ?? []).map((template) => {
    const runs = rounds.flatMap((round) => round.filter((r) => r.loops === template.loops && r.claimCommit === template.claimCommit));
    return {
      ...template,
      drainPerSec: Math.round(median(runs.map((r) => r.drainPerSec))),
      cycleP50Ms: Number(median(runs.map((r) => r.cycleP50Ms)).toFixed(2)),
      cycleP99Ms: Number(median(runs.map((r) => r.cycleP99Ms)).toFixed(2)),
      drainDbCpuSeconds: medianOrNull(runs.map((r) => r.drainDbCpuSeconds)),
      drainNodeCpuSeconds: Number(median(runs.map((r) => r.drainNodeCpuSeconds)).toFixed(3)),
      drainWalBytesPerJob: Math.round(median(runs.map((r) => r.drainWalBytesPerJob))),
    };
  });
}

/** The median of each commit-floor figure over the rounds (null when not measured). */
export function medianFloor(rounds: readonly (CommitFloor | null)[]): CommitFloor | null {
  const runs = rounds.filter((r): r is CommitFloor => r !== null);
  const first = runs[0];
  if (first === undefined) return null;
  const of = (pick: (r: CommitFloor) => number) => Number(median(runs.map(pick)).toFixed(2));
  return {
    samples: first.samples,
    roundTripP50Ms: of((r) => r.roundTripP50Ms),
    durableInsertP50Ms: of((r) => r.durableInsertP50Ms),
    durableInsertP99Ms: of((r) => r.durableInsertP99Ms),
    asyncInsertP50Ms: of((r) => r.asyncInsertP50Ms),
  };
}
