import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/reports', async (req, res) => {
  const note = String(req.body.note);
  await enqueue(TaskSpec.NotifyOps({ note }));
  res.status(202).end();
});
