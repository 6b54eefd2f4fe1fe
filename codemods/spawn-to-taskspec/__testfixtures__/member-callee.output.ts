import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/resend', async (req, res) => {
  const to = String(req.body.to);
  await enqueue(TaskSpec.Resend({ to }));
  res.status(202).end();
});
