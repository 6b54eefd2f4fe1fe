import { isConnectionError } from './stores/postgres/connection-errors.js';

/** What to do about a PostgreSQL error that retrying cannot fix, by SQLSTATE or socket code. */
const FIXES: Record<string, string> = {
  '3D000': 'the database does not exist; create it (`createdb <name>`) or fix the database name in FLEET_DATABASE_URL',
  '28P01': 'the password was refused; fix the user and password in FLEET_DATABASE_URL',
  '28000': "the server refused this user; fix the user in FLEET_DATABASE_URL or the server's pg_hba.conf",
  '42501':
    "the user may not create the runtime's schema or tables; grant it CREATE on the database (or run the migrations as an owner once)",
  ENOTFOUND: 'the host name does not resolve; fix the host in FLEET_DATABASE_URL',
};

/**
 * Whether a failure to open and migrate the store may pass by itself (the server is starting, the
 * network dropped, SQLite's write lock is held), so `connect()` should wait and retry. Anything
 * else (a missing database, bad credentials, an unknown host, `node:sqlite` missing, a schema newer
 * than the code) fails at once: a minute of retries would only hide the cause.
 */
export function isTransientStartupError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code in FIXES) return false;
  if (isConnectionError(error)) return true;
  return /database is locked|SQLITE_BUSY/i.test(error.message);
}

/** The fix for a permanent startup error, when we know one. */
export function startupFix(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? FIXES[code] : undefined;
}
