import { Router } from 'express';
import { notifyOps } from '../services/mail.js';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

async function auditPrivately(userId: string): Promise<void> {
  await notifyOps(`audit ${userId}`);
}

export async function auditPublicly(userId: string): Promise<void> {
  await notifyOps(`public audit ${userId}`);
}

router.post('/audit/:userId', async (req, res) => {
  const userId = req.params.userId;
  // fleet-codemod-bailout: module-local
  void auditPrivately(userId);
  await enqueue(TaskSpec.AuditPublicly({ userId }), { key: String(userId) });
  res.status(204).end();
});
