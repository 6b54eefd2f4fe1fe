import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/js', async (req, res) => {
  const { message } = req.body;
  await enqueue(TaskSpec.NotifyOps({ message }));
  res.status(202).end();
});
