import Fastify from 'fastify';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export const app = Fastify();

app.post('/fastify/users', async (request, reply) => {
  const email = String((request.body as { email: string }).email);
  const userId = email;
  await enqueue(TaskSpec.SendWelcomeEmail({ email, userId }), { key: String(userId) });
  return reply.code(201).send({ id: userId });
});
