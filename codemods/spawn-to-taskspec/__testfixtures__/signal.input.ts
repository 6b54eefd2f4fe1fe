import { Router } from 'express';
import { deliverWebhook, syncCrm } from '../services/webhooks.js';

export const router = Router();

router.post('/hooks/:event', async (req, res) => {
  const url = String(req.body.url);
  const event = req.params.event;
  void deliverWebhook(url, event);
  res.status(202).end();
});

router.post('/accounts/:id/sync', async (req, res) => {
  const accountId = req.params.id;
  setImmediate(() => {
    void syncCrm(accountId);
  });
  res.status(202).end();
});
