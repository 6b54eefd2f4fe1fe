'use server';

import { notifyOps } from '../services/mail.js';

export async function reportAbuse(formData: FormData): Promise<{ ok: boolean }> {
  const reason = String(formData.get('reason') ?? '');
  notifyOps(`abuse report: ${reason}`);
  return { ok: true };
}
