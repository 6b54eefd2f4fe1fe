import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/orders/:orderId/pay', async (req, res) => {
  const orderId = req.params.orderId;
  enqueue(TaskSpec.ChargeCard({ orderId }));
  res.status(202).end();
});
