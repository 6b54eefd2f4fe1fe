import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/reports', async (req, res) => {
  const note = String(req.body.note);
  void (async () => {
    await notifyOps(note);
    await notifyOps(`${note} (copy)`);
  })();
  res.status(202).end();
});
