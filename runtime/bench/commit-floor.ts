import pg from 'pg';
import { dropDatabase, freshDatabase } from './database.js';
import { percentile } from './drive.js';
import type { BenchConfig } from './system.js';

const DB = 'fleet_bench_commit';

/** The latency floor of one write on this server, measured in the same run as the systems. */
export interface CommitFloor {
  samples: number;
  /** `SELECT 1`: one round trip, no write. */
  roundTripP50Ms: number;
  /** One-row `INSERT` in its own transaction, `synchronous_commit` on (the server's setting): one WAL flush. */
  durableInsertP50Ms: number;
  durableInsertP99Ms: number;
  /** The same insert with `synchronous_commit = off` for the transaction: no flush waited for. */
  asyncInsertP50Ms: number;
}

/**
 * What any durable enqueue costs at least on this server and disk: a one-row INSERT that commits
 * (autocommit, so one round trip and one WAL flush), probed `samples` times 5 ms apart on an idle
 * connection, as the enqueue→start probes are. The enqueue→start latency of a queue whose enqueue is
 * durable cannot be below this floor's p50 plus a claim.
 */
export async function commitFloor(config: BenchConfig): Promise<CommitFloor> {
  const url = await freshDatabase(config.url, DB);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE probe (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL)',
    );
    const time = async (query: () => Promise<unknown>): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < config.latencySamples; i += 1) {
        const started = performance.now();
        await query();
        times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return times.sort((a, b) => a - b);
    };
    const insert = { name: 'probe_insert', text: `INSERT INTO probe (payload) VALUES ('{"i":1}')` };
    const asyncInsert = {
      name: 'probe_insert_async',
      text: `INSERT INTO probe (payload) SELECT '{"i":1}' WHERE set_config('synchronous_commit', 'off', true) = 'off'`,
    };
    const select = { name: 'probe_select', text: 'SELECT 1' };
    await client.query(insert);
    await client.query(asyncInsert);
    const roundTrip = await time(() => client.query(select));
    const durable = await time(() => client.query(insert));
    const asynchronous = await time(() => client.query(asyncInsert));
    const ms = (n: number) => Number(n.toFixed(2));
    return {
      samples: config.latencySamples,
      roundTripP50Ms: ms(percentile(roundTrip, 0.5)),
      durableInsertP50Ms: ms(percentile(durable, 0.5)),
      durableInsertP99Ms: ms(percentile(durable, 0.99)),
      asyncInsertP50Ms: ms(percentile(asynchronous, 0.5)),
    };
  } finally {
    await client.end();
    await dropDatabase(config.url, DB);
  }
}
