/** Records an audit event without waiting for the audit service: the work floats inside the helper. */
export function recordAudit(event: string): void {
  void fetch('https://audit.internal/ingest', { method: 'POST', body: event });
}
