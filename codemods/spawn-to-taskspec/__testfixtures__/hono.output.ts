import { Hono } from 'hono';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const app = new Hono();

app.post('/videos/:id/publish', async (c) => {
  const videoId = c.req.param('id');
  await enqueue(TaskSpec.NotifyOps({ videoId }), { key: String(videoId) });
  return c.json({ ok: true }, 202);
});
