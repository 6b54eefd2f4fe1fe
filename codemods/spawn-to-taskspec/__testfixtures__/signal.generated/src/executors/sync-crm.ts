// Created by `fleet codemod spawn-to-taskspec` from src/routes/signal.ts:15. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { syncCrm } from '../services/webhooks.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.SyncCrm`: the work src/routes/signal.ts:15 used to start without awaiting it. */
export const syncCrmTask: NonNullable<Executors<typeof TaskSpec>['SyncCrm']> = async ({ accountId }, ctx) => {
  await syncCrm(accountId, { signal: ctx.signal });
};
