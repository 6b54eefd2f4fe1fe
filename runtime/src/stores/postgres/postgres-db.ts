import { createHash } from 'node:crypto';
import pg from 'pg';
import { isConnectionError, isQueryTimeout } from './connection-errors.js';
import type { Logger } from '../../logger.js';
import { Listener } from './listener.js';
import { tablesFor, type Tables } from './tables.js';

/** Something that runs a query: the store's pool, or a caller's client inside its transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
}

/** A named statement: `pg` prepares it once per connection and then sends only the name and values. */
export interface Statement {
  name: string;
  text: string;
}

/** Settings of {@link PostgresDb}; see `PostgresStoreOptions` for the documented defaults. */
export interface PostgresDbOptions {
  connectionString: string;
  schema: string;
  poolSize: number;
  reconnectTimeoutMs: number;
  logger: Logger;
  durableClaims: boolean;
  queryTimeoutMs: number;
  connectTimeoutMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The connection pool, statement cache, retry-on-disconnect policy and LISTEN connection of one
 * PostgreSQL store. Every PostgreSQL store operation receives this; none opens its own connection.
 */
export class PostgresDb {
  readonly pool: pg.Pool;
  readonly tables: Tables;
  /** NOTIFY channel, one per schema so two stores in one database do not wake each other. */
  readonly channel: string;
  readonly logger: Logger;
  /** Claims wait for their WAL flush (see `claim.ts`). */
  readonly durableClaims: boolean;
  readonly #statements = new Map<string, Statement>();
  readonly #listener: Listener;
  readonly #reconnectTimeoutMs: number;
  readonly #target: string;
  readonly #queryTimeoutMs: number;
  #closed = false;

  constructor(options: PostgresDbOptions) {
    this.tables = tablesFor(options.schema);
    this.channel = `fleet_${options.schema}`;
    this.logger = options.logger;
    this.durableClaims = options.durableClaims;
    this.#reconnectTimeoutMs = options.reconnectTimeoutMs;
    this.#target = describeTarget(options.connectionString);
    this.#queryTimeoutMs = options.queryTimeoutMs;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize,
      idleTimeoutMillis: 10_000,
      // Bounded waits: a server that accepts TCP but never answers (a partition, a hung host) must
      // not leave a call pending forever. A connect that times out is retried like a refused one
      // (until reconnectTimeoutMs); a query that times out fails at once (see `#timedOut`) and its
      // connection is destroyed, since its late answer would confuse the next user.
      connectionTimeoutMillis: options.connectTimeoutMs,
      query_timeout: options.queryTimeoutMs,
      keepAlive: true,
      // A queue table's statistics are nearly always stale (thousands of rows arrive and leave
      // between two autovacuum analyses). With stale numbers the planner answers a claim with a
      // bitmap scan of every ready row plus a sort (measured: 19 ms per claim at 20 000 ready
      // rows) instead of walking the ready index in claim order and stopping at LIMIT (0.1 ms).
      // None of our statements needs a bitmap scan, so they are off for the store's connections.
      options: '-c enable_bitmapscan=off',
    });
    // An idle pooled connection that dies (server restart) emits 'error' on the pool; without a
    // handler Node would crash the worker. The pool drops the client and opens a new one on demand.
    this.pool.on('error', (error) => {
      this.logger(
        'warn',
        `fleet-runtime: an idle PostgreSQL connection to ${this.#target} failed (${error.message}); it will be replaced.`,
      );
    });
    this.#listener = new Listener({
      connectionString: options.connectionString,
      connectTimeoutMs: options.connectTimeoutMs,
      channel: this.channel,
      logger: this.logger,
      target: this.#target,
    });
  }

  /** The cached statement for `key`, built once from the table names. */
  statement(key: string, build: (t: Tables) => string): Statement {
    let statement = this.#statements.get(key);
    if (statement === undefined) {
      const text = build(this.tables);
      // The hash keeps names unique per text, so two stores (two schemas) can share a caller's client.
      statement = { name: `fleet_${key}_${createHash('sha1').update(text).digest('hex').slice(0, 10)}`, text };
      this.#statements.set(key, statement);
    }
    return statement;
  }

  /**
   * Run one statement. On the pool (no `client`) a lost connection is retried with backoff until
   * `reconnectTimeoutMs`; on a caller's client it is not, because the caller's transaction is gone.
   */
  async query<R extends pg.QueryResultRow>(statement: Statement, values: unknown[], client?: Queryable): Promise<R[]> {
    if (client !== undefined) return (await client.query<R>({ ...statement, values })).rows;
    return this.retrying(statement.name, async () => {
      try {
        return (await this.pool.query<R>({ ...statement, values })).rows;
      } catch (error) {
        throw this.#timedOut(error, statement.name);
      }
    });
  }

  /** A clear error for pg's bare "Query read timeout"; any other error unchanged. */
  #timedOut(error: unknown, what: string): unknown {
    if (!isQueryTimeout(error)) return error;
    return new Error(
      `fleet-runtime: PostgreSQL at ${this.#target} did not answer ${what} within ${String(this.#queryTimeoutMs)} ms (queryTimeoutMs); the server may be hung or the network partitioned. The call may or may not have taken effect.`,
      { cause: error },
    );
  }

  /**
   * Run `fn` in one transaction on one pooled connection; retried as a whole on a lost connection
   * unless `retry` is false (the caller owns the retry, as `connect()` does for migrations).
   */
  async transaction<T>(what: string, fn: (client: pg.PoolClient) => Promise<T>, { retry = true }: { retry?: boolean } = {}): Promise<T> {
    const once = async (): Promise<T> => {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        // A connection that timed out would only queue the ROLLBACK behind the hung statement.
        if (!isQueryTimeout(error)) await client.query('ROLLBACK').catch(() => undefined);
        throw this.#timedOut(error, what);
      } finally {
        // A connection that failed or timed out mid-transaction is destroyed rather than reused.
        client.release(broken !== undefined && (isConnectionError(broken) || isQueryTimeout(broken)) ? broken : undefined);
      }
    };
    return retry ? this.retrying(what, once) : once();
  }

  /** Retry `fn` on connection errors with exponential backoff (100 ms doubling to 5 s), logging each wait. */
  async retrying<T>(what: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    let delay = 100;
    let failures = 0;
    for (;;) {
      if (this.#closed) throw new Error(`fleet-runtime: the PostgreSQL store for ${this.#target} is closed.`);
      try {
        const result = await fn();
        if (failures > 0)
          this.logger('info', `fleet-runtime: reconnected to PostgreSQL at ${this.#target} after ${String(failures)} failed tries.`);
        return result;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        const message = (error as Error).message;
        if (Date.now() - started + delay > this.#reconnectTimeoutMs) {
          throw new Error(
            `fleet-runtime: PostgreSQL at ${this.#target} stayed unreachable for ${String(this.#reconnectTimeoutMs)} ms (${message}); check that the server is running and FLEET_DATABASE_URL is right.`,
            { cause: error },
          );
        }
        failures += 1;
        this.logger(
          'warn',
          `fleet-runtime: PostgreSQL at ${this.#target} is unreachable (${message}); retrying ${what} in ${String(delay)} ms.`,
        );
        await sleep(delay);
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  subscribe(listener: () => void): () => void {
    return this.#listener.add(listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#listener.close();
    await this.pool.end();
  }
}

/** `host:port/database` of a connection string, without the password, for log lines. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured server';
  }
}
