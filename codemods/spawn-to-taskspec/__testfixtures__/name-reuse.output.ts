import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/a', async (req, res) => {
  const message = String(req.body.a);
  await enqueue(TaskSpec.NotifyOps({ message }));
  res.end();
});

router.post('/b', async (req, res) => {
  const message = String(req.body.b);
  await enqueue(TaskSpec.NotifyOps({ message }));
  res.end();
});
