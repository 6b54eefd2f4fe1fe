import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/alerts', async (req, res) => {
  const message = String(req.body.message);
  await enqueue(TaskSpec.NotifyOps({ message }));
  res.status(202).end();
});
