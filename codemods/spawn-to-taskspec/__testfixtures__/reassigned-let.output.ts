import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/orders', async (req, res) => {
  let status = String(req.body.status);
  await enqueue(TaskSpec.NotifyOps({ status }));
  status = 'accepted';
  res.status(202).json({ status });
});
