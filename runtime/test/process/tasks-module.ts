// Task module loaded by `fleet-runtime worker --tasks` in the process tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import type { Executors } from '../../src/worker/task-context.js';
import { untilAborted } from '../helpers/until-aborted.js';

export const tasks = defineTasks({
  Work: {
    schema: z.object({ markers: z.string(), hangOnFirstAttempt: z.boolean() }),
    policy: { leaseMs: 600, attempts: 5, backoff: { baseMs: 1, maxMs: 10 } },
  },
});

export const executors: Executors<typeof tasks> = {
  Work: async ({ markers, hangOnFirstAttempt }, ctx) => {
    writeFileSync(join(markers, `started-${ctx.taskId}-${String(ctx.attempt)}`), String(process.pid));
    if (hangOnFirstAttempt && ctx.attempt === 1) {
      // Hang until aborted: a crash (kill -9) or a shutdown is what the test is about.
      await untilAborted(ctx.signal);
    }
    return { pid: process.pid, attempt: ctx.attempt };
  },
};

export const worker = { pollIntervalMs: 50, reapIntervalMs: 100 };
