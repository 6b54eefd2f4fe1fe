import { notifyOps } from '../services/mail.js';

// fleet-codemod-bailout: unsupported-site
export const timer = setInterval(() => void notifyOps('tick'), 10_000);
