import { isAbsolute, resolve } from 'node:path';
import type { Logger } from './logger.js';
import type { Store } from './store.js';
import type { PostgresStoreOptions } from './stores/postgres/index.js';
import { createSqliteStore, type SqliteStoreOptions } from './stores/sqlite/index.js';

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
  createPostgresStore(options: PostgresStoreOptions): Promise<Store>;
}

/** PostgreSQL store settings that a URL cannot carry (see `createPostgresStore` for each default). */
export type PostgresSettings = Omit<PostgresStoreOptions, 'url' | 'logger'>;

/** SQLite store settings that a URL cannot carry (see `createSqliteStore` for each default). */
export type SqliteSettings = Omit<SqliteStoreOptions, 'path' | 'createDirectory'>;

/** Store settings for {@link openStore}, `connect` and `createFleet`; the URL picks which applies. */
export interface StoreSettings {
  /** Used when the URL is `postgres://…`: `schema`, `poolSize`, `durableClaims`, timeouts. */
  postgres?: PostgresSettings;
  /** Used when the URL is `sqlite:…`: `synchronous`, `busyTimeoutMs`. */
  sqlite?: SqliteSettings;
  /** Where the store reports reconnects and lost connections. Default the runtime's `defaultLogger`. */
  logger?: Logger;
}

/**
 * Open (not migrate) the store a URL names. The PostgreSQL store is loaded by dynamic import, so
 * SQLite users never load `pg`. Only the default SQLite folder (`./.fleet/`) is created; a folder
 * named in the URL must exist, so a typo fails instead of creating a stray database.
 */
export async function openStore(url: string | undefined = process.env.FLEET_DATABASE_URL, settings: StoreSettings = {}): Promise<Store> {
  const location = parseDatabaseUrl(url);
  const logger = settings.logger === undefined ? {} : { logger: settings.logger };
  if (location.kind === 'sqlite') {
    const isDefault = location.path === resolve(DEFAULT_SQLITE_PATH);
    return createSqliteStore({ ...settings.sqlite, path: location.path, createDirectory: isDefault });
  }
  // A variable specifier keeps the type checker and bundlers from pulling the module in eagerly.
  const specifier = './stores/postgres/index.js';
  const postgres = (await import(specifier)) as PostgresModule;
  return postgres.createPostgresStore({ ...settings.postgres, ...logger, url: location.url });
}
