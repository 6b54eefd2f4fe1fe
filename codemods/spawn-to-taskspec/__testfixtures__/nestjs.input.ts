import { Body, Controller, Post } from '@nestjs/common';
import { sendWelcomeEmail } from '../services/mail.js';

@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() body: { email: string; id: string }) {
    const { email, id } = body;
    void sendWelcomeEmail(email, id);
    return { ok: true };
  }
}
