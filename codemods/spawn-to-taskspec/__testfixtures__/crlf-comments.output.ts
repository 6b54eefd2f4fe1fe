import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/crlf', async (req, res) => {
  const email = String(req.body.email);
  const userId = email;
  /* the welcome mail */ (await enqueue(TaskSpec.SendWelcomeEmail({ email, userId }), { key: String(userId) })); // keep this comment

  res.status(201).end();
});
