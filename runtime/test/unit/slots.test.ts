import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { defineSchedule } from '../../src/scheduler/define-schedule.js';
import { advanceFrom, MAX_MISSED, nextSlot } from '../../src/scheduler/slots.js';

const cron = (expr: string, timeZone = 'UTC') => ({ cron: expr, intervalMs: null, timeZone });
const every = (ms: number) => ({ cron: null, intervalMs: ms, timeZone: null });
const d = (iso: string): Date => new Date(iso);

describe('schedule slots', () => {
  it('finds the next cron slot in the schedule time zone', () => {
    expect(nextSlot(cron('0 3 * * *', 'Europe/Paris'), d('2026-07-01T12:00:00Z'))).toEqual(d('2026-07-02T01:00:00Z'));
    expect(nextSlot(cron('0 3 * * *', 'Europe/Paris'), d('2026-01-01T12:00:00Z'))).toEqual(d('2026-01-02T02:00:00Z'));
  });
  it('anchors intervals on the previous slot', () => {
    expect(nextSlot(every(60_000), d('2026-01-01T00:02:30Z'), d('2026-01-01T00:00:10Z'))).toEqual(d('2026-01-01T00:03:10Z'));
  });
  it('counts missed slots and resumes after now', () => {
    expect(advanceFrom(cron('0 * * * *'), d('2026-01-01T00:00:00Z'), d('2026-01-01T03:30:00Z'))).toEqual({
      next: d('2026-01-01T04:00:00Z'),
      missed: 3,
    });
    expect(advanceFrom(every(1000), d('2026-01-01T00:00:00Z'), d('2026-01-01T00:00:00.500Z'))).toEqual({
      next: d('2026-01-01T00:00:01Z'),
      missed: 0,
    });
    expect(advanceFrom(every(1000), d('2026-01-01T00:00:00Z'), d('2026-01-01T00:00:05Z'))).toEqual({
      next: d('2026-01-01T00:00:06Z'),
      missed: 5,
    });
  });
  it('caps the missed count', () => {
    expect(advanceFrom(cron('* * * * *'), d('2020-01-01T00:00:00Z'), d('2026-01-01T00:00:30Z'))).toEqual({
      next: d('2026-01-01T00:01:00Z'),
      missed: MAX_MISSED,
    });
  });
});

describe('defineSchedule', () => {
  const task = defineTasks({ R: { schema: z.object({}) } }).R({});
  it('rejects bad definitions naming the schedule', () => {
    expect(() => defineSchedule({ name: 'a', task })).toThrow('Schedule a: give exactly one of `cron`');
    expect(() => defineSchedule({ name: 'a', task, cron: '* * * * *', every: 1000 })).toThrow('Schedule a: give exactly one of');
    expect(() => defineSchedule({ name: 'a', task, every: 10 })).toThrow(
      'Schedule a: `every` is 10; use an integer number of milliseconds ≥ 1000.',
    );
    expect(() => defineSchedule({ name: 'a', task, cron: 'every day' })).toThrow(
      /^Schedule a: cron "every day" in time zone UTC is invalid/,
    );
    expect(() => defineSchedule({ name: 'a', task, cron: '* * * * *', timeZone: 'Mars/Olympus' })).toThrow(
      /in time zone Mars\/Olympus is invalid/,
    );
  });
  it('accepts a valid cron with a time zone', () => {
    const spec = { name: 'nightly', task, cron: '0 3 * * *', timeZone: 'Asia/Tokyo' };
    expect(defineSchedule(spec)).toBe(spec);
  });
});
