import { isAbsolute, resolve } from 'node:path';
import type { Store } from './store.js';
import { createSqliteStore } from './stores/sqlite/index.js';

/** Where the store lives, parsed from `FLEET_DATABASE_URL`. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Default SQLite file, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = '.fleet/fleet.db';

/** Hide the password of a database URL before printing it. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/**
 * Parse a database URL: `sqlite:<path>` (relative to `cwd`), `sqlite::memory:`, `postgres://…` or
 * `postgresql://…`. Empty or missing → `sqlite:.fleet/fleet.db`. Anything else throws naming the
 * accepted forms.
 */
export function parseDatabaseUrl(url: string | undefined, cwd: string = process.cwd()): StoreLocation {
  const value = url?.trim() ?? '';
  if (value === '') return { kind: 'sqlite', path: resolve(cwd, DEFAULT_SQLITE_PATH) };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/.exec(value);
  if (sqlite?.[1] !== undefined) {
    const path = sqlite[1];
    return { kind: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : resolve(cwd, path) };
  }
  throw new Error(
    `FLEET_DATABASE_URL=${JSON.stringify(redactUrl(value))} is not a database URL fleet-runtime understands; use sqlite:<path> (e.g. sqlite:.fleet/fleet.db) or postgres://user:password@host:5432/db.`,
  );
}

/** What the PostgreSQL store module (`stores/postgres/index.js`) exports. */
interface PostgresModule {
  createPostgresStore(options: { url: string }): Promise<Store>;
}

/**
 * Open (not migrate) the store a URL names. The PostgreSQL store is loaded by dynamic import, so
 * SQLite users never load `pg`.
 */
export async function openStore(url: string | undefined = process.env.FLEET_DATABASE_URL): Promise<Store> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'sqlite') return createSqliteStore({ path: location.path });
  // A variable specifier keeps the type checker and bundlers from pulling the module in eagerly.
  const specifier = './stores/postgres/index.js';
  const postgres = (await import(specifier)) as PostgresModule;
  return postgres.createPostgresStore({ url: location.url });
}
