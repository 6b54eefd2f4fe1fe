import type { ListFilter } from './store-records.js';

/** The largest `seq` both stores can hold (a signed 64-bit integer). */
const MAX_SEQ = 9_223_372_036_854_775_807n;

const shown = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : value === null ? 'null' : typeof value;

/** `ListFilter.before` split into what the stores compare: a task's insertion order, or a creation time. */
export interface ListBefore {
  /** Rows with a smaller `seq` (decimal text), or null. */
  seq: string | null;
  /** Rows created strictly earlier (the older, time-based form), or null. */
  createdAt: Date | null;
}

/**
 * Check `before` the same way on both stores: a `TaskRecord.cursor` string (unique, pages without
 * skipping or repeating) or a `Date` (the first form of the API: tasks created strictly earlier).
 * Anything else is a `TypeError` naming what was passed, never a silently empty or repeated page.
 */
export function parseListBefore(before: ListFilter['before']): ListBefore {
  // null is accepted as "no cursor" for JavaScript callers, as the first form of the API did.
  if (before === undefined || (before as unknown) === null) return { seq: null, createdAt: null };
  if (before instanceof Date) {
    if (Number.isNaN(before.getTime()))
      throw new TypeError("list: before is an Invalid Date; pass a listed task's `cursor` (or a valid Date).");
    return { seq: null, createdAt: before };
  }
  if (typeof before === 'string' && /^[1-9][0-9]{0,18}$/.test(before) && BigInt(before) <= MAX_SEQ) return { seq: before, createdAt: null };
  throw new TypeError(`list: before must be the \`cursor\` of a task from the previous page (or a Date); got ${shown(before)}.`);
}
