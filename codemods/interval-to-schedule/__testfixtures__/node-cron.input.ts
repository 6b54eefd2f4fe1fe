import cron from 'node-cron';
import { sendDigest } from '../services/digest.js';

cron.schedule('0 3 * * *', () => void sendDigest());
