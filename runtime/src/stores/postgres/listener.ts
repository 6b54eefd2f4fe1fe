import pg from 'pg';
import type { Logger } from '../../logger.js';

/** Settings of {@link Listener}. */
export interface ListenerOptions {
  connectionString: string;
  connectTimeoutMs: number;
  channel: string;
  logger: Logger;
  /** `host:port/db` for log lines. */
  target: string;
}

/**
 * One dedicated connection that LISTENs on the store's channel and calls the subscribers on each
 * NOTIFY. It is only a wake-up hint: workers still poll, so a missed notification (the connection
 * was down) delays work by at most one poll interval, never loses it. The connection is opened on
 * the first subscriber, reopened with backoff when it drops, and closed with the last subscriber.
 */
export class Listener {
  readonly #options: ListenerOptions;
  readonly #subscribers = new Set<() => void>();
  #client: pg.Client | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  #delay = 100;
  #closed = false;

  constructor(options: ListenerOptions) {
    this.#options = options;
  }

  add(subscriber: () => void): () => void {
    this.#subscribers.add(subscriber);
    if (this.#client === null && this.#retryTimer === null) void this.#connect();
    return () => {
      this.#subscribers.delete(subscriber);
      if (this.#subscribers.size === 0) this.#disconnect();
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribers.clear();
    this.#disconnect();
    await Promise.resolve();
  }

  #wake(): void {
    for (const subscriber of this.#subscribers) subscriber();
  }

  async #connect(): Promise<void> {
    if (this.#closed || this.#subscribers.size === 0) return;
    const client = new pg.Client({
      connectionString: this.#options.connectionString,
      connectionTimeoutMillis: this.#options.connectTimeoutMs,
      keepAlive: true,
    });
    this.#client = client;
    client.on('notification', () => {
      this.#wake();
    });
    client.on('error', (error) => {
      this.#lost(client, error.message);
    });
    client.on('end', () => {
      this.#lost(client, 'connection ended');
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.#options.channel}"`);
      if (this.#delay > 100) this.#options.logger('info', `fleet-runtime: LISTEN connection to ${this.#options.target} is back.`);
      this.#delay = 100;
      // Work may have been enqueued while we were not listening.
      this.#wake();
    } catch (error) {
      this.#lost(client, error instanceof Error ? error.message : String(error));
    }
  }

  #lost(client: pg.Client, reason: string): void {
    if (this.#client !== client) return;
    this.#client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.#closed || this.#subscribers.size === 0) return;
    const delay = this.#delay;
    this.#delay = Math.min(this.#delay * 2, 5_000);
    this.#options.logger(
      'warn',
      `fleet-runtime: LISTEN connection to ${this.#options.target} lost (${reason}); polling only, reconnecting in ${String(delay)} ms.`,
    );
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.#connect();
    }, delay);
    this.#retryTimer.unref();
  }

  #disconnect(): void {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const client = this.#client;
    this.#client = null;
    if (client !== null) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      client.end().catch(() => undefined);
    }
  }
}
