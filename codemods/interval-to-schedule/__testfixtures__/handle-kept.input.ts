import { notifyOps } from '../services/mail.js';

export const timer = setInterval(() => void notifyOps('tick'), 10_000);
