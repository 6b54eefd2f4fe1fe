import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const email = String(req.body.email);
  const userId = email.toLowerCase();
  await enqueue(TaskSpec.SendWelcomeEmail({ email, userId }), { key: String(userId) });
  res.status(201).end();
});
