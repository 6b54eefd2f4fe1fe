import { Router } from 'express';
import { mailer } from '../services/mail.js';

export const router = Router();

router.post('/resend', async (req, res) => {
  const to = String(req.body.to);
  void mailer.resend(to);
  res.status(202).end();
});
