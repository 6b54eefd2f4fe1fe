import { Router } from 'express';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const router = Router();

// The handler sits inside an exported top-level declaration: its destructured parameters are
// still the request's values, not module-level bindings.
export const signup = router.post('/signup/:userId', async ({ params: { userId } }, res) => {
  const email = `${userId}@example.com`;
  await enqueue(TaskSpec.SendWelcomeEmail({ email, userId }), { key: String(userId) });
  res.status(201).end();
});
