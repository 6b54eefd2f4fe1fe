import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

router.post('/hooks/:event', async (req, res) => {
  const url = String(req.body.url);
  const event = req.params.event;
  await enqueue(TaskSpec.DeliverWebhook({ url, event }));
  res.status(202).end();
});

router.post('/accounts/:id/sync', async (req, res) => {
  const accountId = req.params.id;
  await enqueue(TaskSpec.SyncCrm({ accountId }), { key: String(accountId) });
  res.status(202).end();
});
