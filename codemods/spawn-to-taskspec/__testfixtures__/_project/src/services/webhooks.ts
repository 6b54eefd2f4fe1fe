/** Posts a webhook; `signal` aborts the request. */
export async function deliverWebhook(url: string, event: string, signal?: AbortSignal): Promise<void> {
  await Promise.resolve([url, event, signal?.aborted]);
}

/** Syncs an account to the CRM; the options take a signal. */
export async function syncCrm(accountId: string, options: { signal?: AbortSignal; retries?: number } = {}): Promise<void> {
  await Promise.resolve([accountId, options.retries, options.signal?.aborted]);
}
