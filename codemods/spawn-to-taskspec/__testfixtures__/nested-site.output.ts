import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/orders/:orderId/charge', async (req, res) => {
  const orderId = String(req.params.orderId);
  // Two sites, one inside the other: the inner `void` moves into the outer's executor, awaited.
  await enqueue(TaskSpec.ChargeCard({ orderId }), { key: String(orderId) });
  res.status(202).end();
});
