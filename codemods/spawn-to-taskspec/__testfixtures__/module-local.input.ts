import { Router } from 'express';
import { notifyOps } from '../services/mail.js';

export const router = Router();

async function auditPrivately(userId: string): Promise<void> {
  await notifyOps(`audit ${userId}`);
}

export async function auditPublicly(userId: string): Promise<void> {
  await notifyOps(`public audit ${userId}`);
}

router.post('/audit/:userId', async (req, res) => {
  const userId = req.params.userId;
  void auditPrivately(userId);
  void auditPublicly(userId);
  res.status(204).end();
});
