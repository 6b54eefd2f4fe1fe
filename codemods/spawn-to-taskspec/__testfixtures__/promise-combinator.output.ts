import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/users', async (req, res) => {
  const email = String(req.body.email);
  const userId = String(req.body.userId);
  // Both calls are named: the task is `SendWelcomeEmailAndNotifyOps`, not `AllSettled`.
  await enqueue(TaskSpec.SendWelcomeEmailAndNotifyOps({ email, userId }), { key: String(userId) });
  res.status(201).end();
});

router.post('/users/:userId/resend', async (req, res) => {
  const to = String(req.body.to);
  const id = String(req.params.userId);
  // A plain call to the first helper, with another payload, keeps its own name: no conflict.
  await enqueue(TaskSpec.SendWelcomeEmail({ to, id }), { key: String(id) });
  res.status(202).end();
});
