import { Cron } from 'croner';

/** The timing part of a schedule. */
export interface Timing {
  cron: string | null;
  intervalMs: number | null;
  timeZone: string | null;
}

/** Cap on counted missed slots, so a schedule idle for years does not iterate forever. */
export const MAX_MISSED = 1000;

/** First slot strictly after `after`. Intervals are anchored on `anchor` (a previous slot). */
export function nextSlot(timing: Timing, after: Date, anchor: Date = after): Date {
  if (timing.intervalMs !== null) {
    const steps = Math.floor((after.getTime() - anchor.getTime()) / timing.intervalMs) + 1;
    return new Date(anchor.getTime() + Math.max(1, steps) * timing.intervalMs);
  }
  const next = new Cron(timing.cron ?? '', { timezone: timing.timeZone ?? 'UTC', paused: true }).nextRun(after);
  if (next === null) throw new Error(`fleet-runtime: cron ${String(timing.cron)} has no future run.`);
  return next;
}

/**
 * For a due slot `due` at time `now`: the slot after `now` to store, and how many slots between
 * them are passed over (policy: run the due slot once, count the rest as missed, resume).
 */
export function advanceFrom(timing: Timing, due: Date, now: Date): { next: Date; missed: number } {
  if (timing.intervalMs !== null) {
    const next = nextSlot(timing, now, due);
    return { next, missed: Math.min(MAX_MISSED, Math.round((next.getTime() - due.getTime()) / timing.intervalMs) - 1) };
  }
  let missed = 0;
  let slot = nextSlot(timing, due);
  while (slot.getTime() <= now.getTime() && missed < MAX_MISSED) {
    missed += 1;
    slot = nextSlot(timing, slot);
  }
  return { next: slot.getTime() > now.getTime() ? slot : nextSlot(timing, now), missed };
}
