import { Hono } from 'hono';
import { notifyOps } from '../services/mail.js';

export const app = new Hono();

app.post('/videos/:id/publish', async (c) => {
  const videoId = c.req.param('id');
  void notifyOps(`published ${videoId}`);
  return c.json({ ok: true }, 202);
});
