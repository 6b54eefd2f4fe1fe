import Router from '@koa/router';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = new Router();

router.post('/imports', async (ctx) => {
  const source = String(ctx.query.source);
  await enqueue(TaskSpec.NotifyOps({ source }));
  ctx.status = 202;
});
