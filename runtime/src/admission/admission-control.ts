import type { StoreStats } from '../store.js';

/** Options of {@link AdmissionControl}. */
export interface AdmissionOptions {
  /** Requests admitted at once across all tenants (the global ceiling). */
  maxInFlight: number;
  /**
   * Cap per tenant. Default: a fair share, `max(1, floor(maxInFlight / tenants with requests in
   * flight))`, so one noisy tenant cannot take every slot while others wait.
   */
  perTenant?: number;
  /** Also refuse while the queue is too deep, read from stats cached in the background. */
  queue?: {
    stats: () => Promise<StoreStats>;
    /** Refuse while more tasks than this are ready. */
    maxReady?: number;
    /** Refuse while the oldest ready task is older than this. */
    maxOldestReadyAgeMs?: number;
    /** Refresh the cached stats this often. Default 1000 ms. */
    refreshMs?: number;
  };
  /** Seconds sent in `Retry-After`. Default 1. */
  retryAfterSeconds?: number;
}

/** The answer to one request: admitted with a `release` to call when it ends, or refused. */
export type Admission = { ok: true; release: () => void } | { ok: false; status: 503; retryAfterSeconds: number; reason: string };

const NO_TENANT = '\u0000';

/**
 * Framework-agnostic admission control: a global in-flight ceiling, per-tenant fairness and an
 * optional queue-depth brake; refusals map to `503` with `Retry-After`. The tenant slot is checked
 * before the global one so a throttled tenant never holds a global slot.
 */
export class AdmissionControl {
  readonly #options: AdmissionOptions;
  readonly #tenants = new Map<string, number>();
  #inFlight = 0;
  #stats: StoreStats | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: AdmissionOptions) {
    if (!Number.isInteger(options.maxInFlight) || options.maxInFlight < 1) {
      throw new Error(`AdmissionControl: maxInFlight is ${String(options.maxInFlight)}; it must be an integer ≥ 1.`);
    }
    this.#options = options;
    const queue = options.queue;
    if (queue !== undefined) {
      const refresh = (): void =>
        void queue.stats().then(
          (stats) => (this.#stats = stats),
          () => undefined,
        );
      refresh();
      this.#timer = setInterval(refresh, queue.refreshMs ?? 1000);
      this.#timer.unref();
    }
  }

  /** Requests currently admitted. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Try to admit one request of `tenant`. */
  admit(tenant?: string): Admission {
    const key = tenant ?? NO_TENANT;
    const retryAfterSeconds = this.#options.retryAfterSeconds ?? 1;
    const refuse = (reason: string): Admission => ({ ok: false, status: 503, retryAfterSeconds, reason });
    const mine = this.#tenants.get(key) ?? 0;
    const active = this.#tenants.size + (mine === 0 ? 1 : 0);
    const share = this.#options.perTenant ?? Math.max(1, Math.floor(this.#options.maxInFlight / active));
    if (mine >= share) return refuse(`tenant limit reached (${String(share)} requests in flight)`);
    if (this.#inFlight >= this.#options.maxInFlight) return refuse(`server busy (${String(this.#options.maxInFlight)} requests in flight)`);
    const queue = this.#options.queue;
    if (queue !== undefined && this.#stats !== undefined) {
      if (queue.maxReady !== undefined && this.#stats.ready > queue.maxReady)
        return refuse(`queue too deep (${String(this.#stats.ready)} tasks ready)`);
      if (queue.maxOldestReadyAgeMs !== undefined && this.#stats.oldestReadyAgeMs > queue.maxOldestReadyAgeMs) {
        return refuse(`queue behind (oldest ready task waited ${String(Math.round(this.#stats.oldestReadyAgeMs / 1000))} s)`);
      }
    }
    this.#inFlight += 1;
    this.#tenants.set(key, mine + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        // Idempotent: a response can both finish and close.
        if (released) return;
        released = true;
        this.#inFlight -= 1;
        const left = (this.#tenants.get(key) ?? 1) - 1;
        if (left === 0) this.#tenants.delete(key);
        else this.#tenants.set(key, left);
      },
    };
  }

  /** Stop refreshing queue stats. */
  close(): void {
    clearInterval(this.#timer);
  }
}
