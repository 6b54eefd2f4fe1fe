import { describe, expect, it, vi } from 'vitest';
import { connect } from '../../src/connect.js';

// Node 20 has no `node:sqlite`: importing it fails. Simulated here, since the tests run on Node 24.
vi.mock('node:sqlite', () => {
  throw Object.assign(new Error('No such built-in module: node:sqlite'), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
});

describe('connect on a Node without node:sqlite', () => {
  it('fails at once saying which Node version the SQLite store needs', async () => {
    const notices: string[] = [];
    const started = performance.now();
    const failure = await connect({ url: 'sqlite::memory:', attempts: 8, retryDelayMs: 500, log: (message) => notices.push(message) }).then(
      () => 'connected',
      (error: unknown) => (error as Error).message,
    );
    expect(failure).toMatch(
      /^fleet-runtime: cannot use the database sqlite::memory:: fleet-runtime: node:sqlite is not available in Node v\d+\.\d+\.\d+; the SQLite store needs Node >= 22\.13\. Upgrade Node or set FLEET_DATABASE_URL=postgres:\/\/…\.$/,
    );
    expect(notices).toEqual([]);
    expect(performance.now() - started).toBeLessThan(400);
  });
});
