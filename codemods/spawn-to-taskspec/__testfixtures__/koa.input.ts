import Router from '@koa/router';
import { notifyOps } from '../services/mail.js';

export const router = new Router();

router.post('/imports', async (ctx) => {
  const source = String(ctx.query.source);
  notifyOps(source).catch(console.error);
  ctx.status = 202;
});
