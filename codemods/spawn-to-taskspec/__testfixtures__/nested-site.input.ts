import { Router } from 'express';
import { chargeCard } from '../services/billing.js';
import { notifyOps } from '../services/mail.js';

export const router = Router();

router.post('/orders/:orderId/charge', async (req, res) => {
  const orderId = String(req.params.orderId);
  // Two sites, one inside the other: the inner `void` moves into the outer's executor, awaited.
  void (async () => {
    await chargeCard(orderId, 1);
    void notifyOps(orderId);
  })();
  res.status(202).end();
});
