import { Body, Controller, Post } from '@nestjs/common';
import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() body: { email: string; id: string }) {
    const { email, id } = body;
    await enqueue(TaskSpec.SendWelcomeEmail({ email, id }), { key: String(id) });
    return { ok: true };
  }
}
