import { Router } from 'express';
import { chargeCard } from '../services/billing.js';

export const router = Router();

router.post('/orders/:orderId/charge', async (req, res) => {
  const orderId = req.params.orderId;
  const amount = Number(req.body.amount);
  // fleet-codemod-bailout: name-conflict
  void chargeCard(orderId, amount);
  res.status(202).end();
});
