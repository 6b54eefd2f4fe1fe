// The task definitions and executors of the example app, shared by the server and the worker.
import { z } from 'zod';
import { defineSchedule, defineTasks, NotYetError } from 'fleet-runtime';

export const TaskSpec = defineTasks({
  // Payloads carry references (`reportRef`), never secrets or large blobs.
  BuildReport: {
    schema: z.object({ reportRef: z.string(), pages: z.number().int().min(1).max(50) }),
    policy: { attempts: 5, timeoutMs: 60_000 },
  },
  PurgeOldReports: { schema: z.object({ olderThanDays: z.number().int().min(1) }) },
});

/** @type {import('fleet-runtime').Executors<typeof TaskSpec>} */
export const executors = {
  async BuildReport({ reportRef, pages }, ctx) {
    // Each step is checkpointed: after a crash the next attempt resumes after the last finished one.
    const rows = await ctx.step('query', async () => ({ rows: pages * 100 }));
    for (let page = 1; page <= pages; page += 1) {
      ctx.signal.throwIfAborted();
      await new Promise((done) => setTimeout(done, 20));
      await ctx.progress('render', { page, of: pages });
    }
    if (reportRef === 'upstream-not-ready' && ctx.attempt === 1) throw new NotYetError(500, 'source data not compiled yet');
    return { reportRef, rows: rows.rows, url: `/reports/${reportRef}.pdf` };
  },
  async PurgeOldReports({ olderThanDays }) {
    return { purgedBefore: new Date(Date.now() - olderThanDays * 86_400_000).toISOString() };
  },
};

export const schedules = [
  defineSchedule({
    name: 'purge-old-reports',
    cron: '0 3 * * *',
    timeZone: 'Europe/Paris',
    task: TaskSpec.PurgeOldReports({ olderThanDays: 30 }),
  }),
];

// Worker tuning read by `fleet-runtime worker --tasks examples/tasks.js`.
export const worker = { concurrency: 4, pollIntervalMs: 200 };
