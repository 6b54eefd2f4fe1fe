import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/feedback', async (req, res) => {
  // fleet-codemod-bailout: forbidden-capture
  void notifyOps(req.body.message);
  res.status(202).end();
});
