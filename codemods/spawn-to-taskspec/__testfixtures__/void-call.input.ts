import { Router } from 'express';
import { sendWelcomeEmail } from '../services/mail.js';

export const router = Router();

router.post('/users', async (req, res) => {
  const { email } = req.body as { email: string };
  const userId = `u-${email}`;
  void sendWelcomeEmail(email, userId);
  res.status(201).json({ id: userId });
});
