import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/users', async (req, res) => {
  const { email } = req.body as { email: string };
  const userId = `u-${email}`;
  await enqueue(TaskSpec.SendWelcomeEmail({ email, userId }), { key: String(userId) });
  res.status(201).json({ id: userId });
});
