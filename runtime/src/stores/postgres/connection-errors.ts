/**
 * SQLSTATE classes and socket errors that mean "the server went away or is not accepting
 * connections yet" (restart, failover, network drop). Only these are retried: any other error is a
 * real answer from the database and goes straight to the caller.
 */
const RETRYABLE_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping (pg_ctl restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection_exception family
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const RETRYABLE_MESSAGES = [
  'Connection terminated',
  'connection error',
  'terminating connection',
  'the database system is starting up',
  'the database system is shutting down',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

/** True when `error` means the connection was lost or could not be made, so a retry may succeed. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
  return RETRYABLE_MESSAGES.some((message) => error.message.includes(message));
}

/** True for `pg`'s client-side `query_timeout` error: the server did not answer in time. */
export function isQueryTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}
