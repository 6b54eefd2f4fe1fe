import { openStore, parseDatabaseUrl, redactUrl } from './open-store.js';
import type { Store } from './store.js';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Database URL. Default `FLEET_DATABASE_URL`, else `sqlite:.fleet/fleet.db`. */
  url?: string;
  /** Attempts before giving up on an unreachable database. Default 8 (about 1 min of waiting). */
  attempts?: number;
  /** First retry delay, doubled each time up to 15 s. Default 500 ms. */
  retryDelayMs?: number;
  /** Where retry notices go. Default `console.error`. */
  log?: (message: string) => void;
}

/**
 * Open the store and apply migrations, retrying with backoff while the database is unreachable
 * and saying so on each retry. A malformed URL fails at once (retrying cannot fix it).
 */
export async function connect(options: ConnectOptions = {}): Promise<Store> {
  const url = options.url ?? process.env.FLEET_DATABASE_URL;
  parseDatabaseUrl(url);
  const attempts = options.attempts ?? 8;
  const log = options.log ?? ((message: string) => { console.error(message); });
  let delay = options.retryDelayMs ?? 500;
  const shown = redactUrl(url ?? 'sqlite:.fleet/fleet.db');
  for (let attempt = 1; ; attempt += 1) {
    let store: Store | undefined;
    try {
      store = await openStore(url);
      await store.migrate();
      return store;
    } catch (error) {
      await store?.close().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts) {
        throw new Error(`fleet-runtime: cannot use the database ${shown} after ${String(attempts)} attempts: ${reason}`, { cause: error });
      }
      log(`fleet-runtime: database ${shown} unavailable (${reason}); retrying in ${String(delay)} ms (attempt ${String(attempt)}/${String(attempts)}).`);
      await new Promise((done) => setTimeout(done, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  }
}
