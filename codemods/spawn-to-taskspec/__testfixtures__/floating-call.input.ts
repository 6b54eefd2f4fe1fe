import { Router } from 'express';
import { sendWelcomeEmail } from '../services/mail.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const email = String(req.body.email);
  const userId = email.toLowerCase();
  sendWelcomeEmail(email, userId);
  res.status(201).end();
});
