import Fastify from 'fastify';
import { sendWelcomeEmail } from '../services/mail.js';

export const app = Fastify();

app.post('/fastify/users', async (request, reply) => {
  const email = String((request.body as { email: string }).email);
  const userId = email;
  void sendWelcomeEmail(email, userId);
  return reply.code(201).send({ id: userId });
});
