import { Router } from 'express';
import { sendWelcomeEmail } from '../services/mail.js';

export const router = Router();

router.post('/crlf', async (req, res) => {
  const email = String(req.body.email);
  const userId = email;
  /* the welcome mail */ (void sendWelcomeEmail(email, userId)); // keep this comment

  res.status(201).end();
});
