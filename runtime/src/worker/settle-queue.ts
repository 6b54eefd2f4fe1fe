import type { Logger } from '../logger.js';
import type { Settlement, Store } from '../store.js';

/** Settings of {@link SettleQueue}. */
export interface SettleQueueOptions {
  store: Store;
  /** Most `store.settle` calls in flight at once. */
  maxInFlight: number;
  log: Logger;
  /** Called once a batch is stored, with whether each settlement applied (the lease was still held). */
  onStored: (batch: readonly Settlement[], applied: readonly boolean[]) => void;
  /** Wait before writing a failed batch again. Default 500 ms. */
  retryDelayMs?: number;
}

/**
 * Writes task outcomes in batches. Everything queued when {@link flush} runs shares one
 * `store.settle` call (one transaction), and up to `maxInFlight` calls run at once, so a worker does
 * not wait for one durable commit before starting the next: on PostgreSQL concurrent commits share
 * a WAL flush (group commit). A failed write is retried; the worker keeps heartbeating the leases
 * meanwhile, so an outcome is not lost while the lease is held.
 */
export class SettleQueue {
  readonly #options: SettleQueueOptions;
  #pending: Settlement[] = [];
  #inFlight = 0;
  #closed = false;
  #lastFailed = false;
  #idle: (() => void)[] = [];

  constructor(options: SettleQueueOptions) {
    this.#options = options;
  }

  /** Outcomes queued or being written. */
  get size(): number {
    return this.#pending.length;
  }

  /**
   * Take the queued outcomes that no write has picked up yet, for the caller to store itself (the
   * worker sends them with its next claim). Hand them back with {@link requeue} if that fails.
   */
  take(): Settlement[] {
    const taken = this.#pending;
    this.#pending = [];
    return taken;
  }

  /** Queue outcomes again (a write made outside the queue failed). */
  requeue(settlements: readonly Settlement[]): void {
    for (const settlement of settlements) this.push(settlement);
  }

  /** Queue an outcome; it is written by the next {@link flush} (the worker flushes once per turn). */
  push(settlement: Settlement): void {
    this.#pending.push(settlement);
  }

  /** Start writing what is queued, as one call, if fewer than `maxInFlight` writes are running. */
  flush(): void {
    this.#pump();
  }

  /**
   * Write everything queued now and resolve once no write is in flight and nothing is queued, or
   * after a write failed (its batch stays queued for a retry unless {@link close} is called).
   */
  drain(): Promise<void> {
    this.#lastFailed = false;
    this.#pump();
    if (this.#inFlight === 0 && this.#pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Stop retrying failed writes (the worker is gone; unstored outcomes come back when their leases expire). */
  close(): void {
    this.#closed = true;
  }

  #pump(): void {
    while (this.#pending.length > 0 && this.#inFlight < this.#options.maxInFlight) {
      const batch = this.#pending;
      this.#pending = [];
      this.#inFlight += 1;
      void this.#write(batch);
    }
  }

  async #write(batch: Settlement[]): Promise<void> {
    try {
      const applied = await this.#options.store.settle(batch);
      this.#lastFailed = false;
      this.#options.onStored(batch, applied);
    } catch (error) {
      this.#lastFailed = true;
      const reason = error instanceof Error ? error.message : String(error);
      if (this.#closed) {
        this.#options.log(
          'error',
          `storing ${String(batch.length)} outcomes failed after shutdown (${reason}); their tasks run again once their leases expire.`,
        );
      } else {
        this.#options.log('error', `storing ${String(batch.length)} outcomes failed, retrying: ${reason}`);
        this.#pending.unshift(...batch);
        setTimeout(() => {
          this.#pump();
        }, this.#options.retryDelayMs ?? 500);
      }
    } finally {
      this.#inFlight -= 1;
      if (!this.#lastFailed) this.#pump();
      if (this.#inFlight === 0 && (this.#pending.length === 0 || this.#lastFailed)) {
        const waiting = this.#idle;
        this.#idle = [];
        for (const resolve of waiting) resolve();
      }
    }
  }
}
