import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/alerts', async (req, res) => {
  const message = String(req.body.message);
  notifyOps(message).catch((error: unknown) => console.error('ops notification failed', error));
  res.status(202).end();
});
