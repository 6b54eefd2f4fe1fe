import { openStore, parseDatabaseUrl, redactUrl, type StoreSettings } from './open-store.js';
import { isTransientStartupError, startupFix } from './startup-errors.js';
import type { Store } from './store.js';

/** Options of {@link connect}. */
export interface ConnectOptions extends StoreSettings {
  /** Database URL. Default `FLEET_DATABASE_URL`, else `sqlite:.fleet/fleet.db`. */
  url?: string;
  /**
   * Attempts before giving up on an unreachable database. Default 8 (about 1 min of waiting).
   * Only transient failures are retried (refused or dropped connections, a server starting up, a
   * busy SQLite file); a missing database, bad credentials, an unknown host or a Node without
   * `node:sqlite` fail at once with the cause and the fix.
   */
  attempts?: number;
  /** First retry delay, doubled each time up to 15 s. Default 500 ms. */
  retryDelayMs?: number;
  /** Where retry notices go. Default `logger` at level `warn`, else `console.error`. */
  log?: (message: string) => void;
}

/**
 * Open the store and apply migrations, retrying with backoff while the database is unreachable
 * and saying so on each retry. A malformed URL or a permanent error fails at once.
 */
export async function connect(options: ConnectOptions = {}): Promise<Store> {
  const url = options.url ?? process.env.FLEET_DATABASE_URL;
  parseDatabaseUrl(url);
  const attempts = options.attempts ?? 8;
  const { logger } = options;
  const log =
    options.log ??
    (logger === undefined
      ? (message: string) => {
          console.error(message);
        }
      : (message: string) => {
          logger('warn', message);
        });
  let delay = options.retryDelayMs ?? 500;
  const shown = redactUrl(url ?? 'sqlite:.fleet/fleet.db');
  for (let attempt = 1; ; attempt += 1) {
    let store: Store | undefined;
    try {
      store = await openStore(url, options);
      await store.migrate();
      return store;
    } catch (error) {
      await store?.close().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      if (!isTransientStartupError(error)) {
        const fix = startupFix(error);
        throw new Error(
          `fleet-runtime: cannot use the database ${shown}: ${reason.replace(/\.$/, '')}${fix === undefined ? '' : ` — ${fix}`}.`,
          { cause: error },
        );
      }
      if (attempt >= attempts) {
        throw new Error(`fleet-runtime: cannot use the database ${shown} after ${String(attempts)} attempts: ${reason}`, { cause: error });
      }
      log(
        `fleet-runtime: database ${shown} unavailable (${reason}); retrying in ${String(delay)} ms (attempt ${String(attempt)}/${String(attempts)}).`,
      );
      await new Promise((done) => setTimeout(done, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  }
}
