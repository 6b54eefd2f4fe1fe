import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

const WELCOME_DELAY_MS = 5_000;

router.post('/users/:id/welcome', async (req, res) => {
  const userId = req.params.id;
  const email = String(req.query.email);
  await enqueue(TaskSpec.SendWelcomeEmail({ email, userId }), { key: String(userId), runAt: WELCOME_DELAY_MS });
  res.status(202).json({ scheduled: true });
});
