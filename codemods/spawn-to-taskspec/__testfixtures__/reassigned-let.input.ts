import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/orders', async (req, res) => {
  let status = String(req.body.status);
  void notifyOps(status);
  status = 'accepted';
  res.status(202).json({ status });
});
