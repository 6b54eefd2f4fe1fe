import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/js', async (req, res) => {
  const { message } = req.body;
  void notifyOps(message);
  res.status(202).end();
});
