import { Router } from 'express';
import { sendInvoice } from '../services/mail.js';

export const router = Router();

router.post('/invoices', async (req, res) => {
  const invoice = { id: String(req.body.id), total: 42, issuedAt: new Date() };
  void sendInvoice(invoice);
  res.status(201).end();
});
