import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/pings', async (req, res) => {
  let count = Number(req.body.count);
  // fleet-codemod-bailout: written-inside
  setTimeout(() => {
    count += 1;
    void notifyOps(String(count));
  });
  res.status(202).end();
});
