import { Router } from 'express';
import { recordAudit } from '../services/audit.js';

export const router = Router();

router.delete('/projects/:id', async (req, res) => {
  recordAudit(`delete ${req.params.id}`);
  res.status(204).end();
});
