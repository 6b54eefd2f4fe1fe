// Created by `fleet codemod spawn-to-taskspec` from src/routes/signal.ts:9. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { deliverWebhook } from '../services/webhooks.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.DeliverWebhook`: the work src/routes/signal.ts:9 used to start without awaiting it. */
export const deliverWebhookTask: NonNullable<Executors<typeof TaskSpec>['DeliverWebhook']> = async ({ url, event }, ctx) => {
  await deliverWebhook(url, event, ctx.signal);
};
