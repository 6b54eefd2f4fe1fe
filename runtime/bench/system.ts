/** What the benchmark driver needs from each queue system under test. */
export interface BenchSystem {
  /** Display name, e.g. `graphile-worker`. */
  name: string;
  /** Version string (package version, or `n/a` for the raw loop). */
  version: string;
  /** The PostgreSQL database it runs in, for the server CPU it costs (none for SQLite). */
  database?: string;
  /** Settings worth printing next to the numbers (concurrency, batch sizes, pool). */
  settings: Record<string, string | number | boolean>;
  /** Create the schema in a fresh database. */
  setup(): Promise<void>;
  /** Enqueue one job (its own transaction). */
  enqueueOne(payload: BenchPayload): Promise<void>;
  /** Enqueue many jobs in one call. */
  enqueueBulk(payloads: readonly BenchPayload[]): Promise<void>;
  /** Start the worker; `onJob` must be called as each job's executor starts. */
  startWorker(onJob: (payload: BenchPayload) => void): Promise<void>;
  stopWorker(): Promise<void>;
  teardown(): Promise<void>;
}

/** The no-op job's payload: `t0` (a `performance.now()` reading) marks a latency probe. */
export interface BenchPayload {
  i: number;
  t0?: number;
}

/** Numbers the driver measures for one system. */
export interface SystemResult {
  system: string;
  version: string;
  settings: Record<string, string | number | boolean>;
  jobs: number;
  enqueueSinglePerSec: number | null;
  enqueueBulkPerSec: number | null;
  drainPerSec: number;
  drainSeconds: number;
  /** CPU seconds of this Node.js process (enqueuers, workers, and SQLite itself) during the bulk enqueue and the drain. */
  bulkNodeCpuSeconds: number;
  drainNodeCpuSeconds: number;
  /** CPU seconds of the PostgreSQL backends serving it during the bulk enqueue and the drain (null: SQLite, or a remote server). */
  bulkDbCpuSeconds: number | null;
  drainDbCpuSeconds: number | null;
  /** WAL the server wrote per job during the bulk enqueue and the drain (server-wide, so an upper bound; null: SQLite). */
  bulkWalBytesPerJob: number | null;
  drainWalBytesPerJob: number | null;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  latencySamples: number;
  /**
   * PostgreSQL: p50 of a durable one-row INSERT + COMMIT on a separate connection, one after each
   * latency probe (the floor of a durable enqueue at the same minutes); null on SQLite.
   */
  commitFloorP50Ms: number | null;
}

/** Knobs shared by every system so the comparison is matched. */
export interface BenchConfig {
  /** Jobs enqueued then drained (default 20 000). */
  jobs: number;
  /** Of those, enqueued one by one by `concurrency` concurrent callers (default 2 000). */
  singleJobs: number;
  /** Bulk enqueue batch (default 1 000). */
  bulkBatch: number;
  /** Executors running at once (default 16). */
  concurrency: number;
  /** Jobs taken per claim (default 16, = concurrency). */
  claimBatch: number;
  /** fleet-runtime's `claimAhead` (jobs a claim may take beyond the free slots); undefined: the worker's default. */
  claimAhead?: number;
  /** Pool size for each system's connection pool (default 8). */
  poolSize: number;
  /** Latency probes on the idle queue (default 200). */
  latencySamples: number;
  /** Times every system runs (order rotated); the report shows medians. Default 1. */
  rounds: number;
  /** Base URL of the server; each system gets a fresh database on it. */
  url: string;
  /**
   * How the peers (graphile-worker, pg-boss) are configured: `own` (default) as their own
   * performance tests configure them (see `graphile.ts`, `pg-boss.ts`); `matched` with this
   * config's concurrency, claim batch and pool, like fleet-runtime.
   */
  peers: 'own' | 'matched';
}
