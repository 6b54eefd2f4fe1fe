import { notifyOps } from '../services/mail.js';

const FIVE_MINUTES = 300_000;

// Reminders go out every five minutes.
setInterval(() => {
  void notifyOps('reminders');
}, FIVE_MINUTES).unref();

export const ready = true;
