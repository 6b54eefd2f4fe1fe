'use server';

import { enqueue } from 'fleet-runtime';
import { TaskSpec } from '../tasks.js';

export async function reportAbuse(formData: FormData): Promise<{ ok: boolean }> {
  const reason = String(formData.get('reason') ?? '');
  await enqueue(TaskSpec.NotifyOps({ reason }));
  return { ok: true };
}
