import { notifyOps } from '../services/mail.js';

export function startJobs(channel: string): void {
  setInterval(() => void notifyOps(channel), 60_000);
}
