import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/connect.js';
import { TEST_POSTGRES_URL } from '../pg-helpers.js';

/** Run `connect` with generous retries and report how it ended and how long it took. */
async function attempt(url: string): Promise<{ message: string; elapsed: number; notices: string[] }> {
  const notices: string[] = [];
  const started = performance.now();
  const outcome = await connect({ url, attempts: 8, retryDelayMs: 500, log: (message) => notices.push(message) }).then(
    async (store) => {
      await store.close();
      return 'connected';
    },
    (error: unknown) => (error as Error).message,
  );
  return { message: outcome, elapsed: performance.now() - started, notices };
}

// Retrying cannot fix these; the chaos run saw each take ~46 s (8 attempts) before failing.
describe('connect: permanent errors fail at once with the cause and the fix', () => {
  it('a PostgreSQL database that does not exist', async () => {
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = '/fleet_no_such_database';
    const { message, elapsed, notices } = await attempt(url.toString());
    expect(message).toMatch(
      /^fleet-runtime: cannot use the database postgres:\/\/.*\/fleet_no_such_database: database "fleet_no_such_database" does not exist — the database does not exist; create it \(`createdb <name>`\) or fix the database name in FLEET_DATABASE_URL\.$/,
    );
    expect(notices).toEqual([]);
    expect(elapsed).toBeLessThan(400);
  });

  it('a host name that does not resolve', async () => {
    const { message, notices } = await attempt('postgres://postgres@no-such-host.invalid:5432/test');
    expect(message).toMatch(
      /^fleet-runtime: cannot use the database postgres:\/\/postgres@no-such-host\.invalid:5432\/test: .*ENOTFOUND.* — the host name does not resolve; fix the host in FLEET_DATABASE_URL\.$/,
    );
    expect(notices).toEqual([]);
  });

  it('a SQLite path whose folder does not exist, without creating it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-connect-'));
    try {
      const { message, elapsed, notices } = await attempt(`sqlite:${join(dir, 'no', 'such', 'x.db')}`);
      expect(message).toBe(
        `fleet-runtime: cannot use the database sqlite:${join(dir, 'no', 'such', 'x.db')}: fleet-runtime: the folder ${join(dir, 'no', 'such')} of the SQLite database ${join(dir, 'no', 'such', 'x.db')} does not exist; create it, or fix the path in FLEET_DATABASE_URL.`,
      );
      expect(existsSync(join(dir, 'no'))).toBe(false);
      expect(notices).toEqual([]);
      expect(elapsed).toBeLessThan(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
