import { Router } from 'express';
import { sendWelcomeEmail } from '../services/mail.js';

export const router = Router();

const WELCOME_DELAY_MS = 5_000;

router.post('/users/:id/welcome', (req, res) => {
  const userId = req.params.id;
  const email = String(req.query.email);
  setTimeout(() => {
    void sendWelcomeEmail(email, userId);
  }, WELCOME_DELAY_MS);
  res.status(202).json({ scheduled: true });
});
