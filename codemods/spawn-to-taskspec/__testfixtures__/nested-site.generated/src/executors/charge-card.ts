// Created by `fleet codemod spawn-to-taskspec` from src/routes/nested-site.ts:10. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { chargeCard } from '../services/billing.js';
import { notifyOps } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.ChargeCard`: the work src/routes/nested-site.ts:10 used to start without awaiting it. */
export const chargeCardTask: NonNullable<Executors<typeof TaskSpec>['ChargeCard']> = async ({ orderId }) => {
  await chargeCard(orderId, 1);
  await notifyOps(orderId);
};
