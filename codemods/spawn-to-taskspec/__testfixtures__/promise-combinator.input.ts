import { Router } from 'express';
import { notifyOps, sendWelcomeEmail } from '../services/mail.js';

export const router = Router();

router.post('/users', async (req, res) => {
  const email = String(req.body.email);
  const userId = String(req.body.userId);
  // Both calls are named: the task is `SendWelcomeEmailAndNotifyOps`, not `AllSettled`.
  void Promise.allSettled([sendWelcomeEmail(email, userId), notifyOps(`new user ${userId}`)]);
  res.status(201).end();
});

router.post('/users/:userId/resend', async (req, res) => {
  const to = String(req.body.to);
  const id = String(req.params.userId);
  // A plain call to the first helper, with another payload, keeps its own name: no conflict.
  void sendWelcomeEmail(to, id);
  res.status(202).end();
});
