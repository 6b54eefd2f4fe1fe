import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/a', async (req, res) => {
  const message = String(req.body.a);
  void notifyOps(message);
  res.end();
});

router.post('/b', async (req, res) => {
  const message = String(req.body.b);
  void notifyOps(message);
  res.end();
});
