import cron from 'node-cron';
import { sendDigest } from '../services/digest.js';

