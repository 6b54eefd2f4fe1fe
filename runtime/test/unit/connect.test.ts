import { connect as tcpConnect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/connect.js';

// Port 1 (tcpmux) is never served on the test machines; the first test proves it before relying on it.
const CLOSED_PORT = 1;
const refused = (): Promise<string> =>
  new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port: CLOSED_PORT });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? error.message);
    });
  });

describe('connect', () => {
  it('gives up on an unreachable PostgreSQL after its own attempts only, without the pool reconnect loop inside each', async () => {
    expect(await refused()).toBe('ECONNREFUSED');
    const notices: string[] = [];
    const started = performance.now();
    const failure = await connect({
      url: `postgres://postgres@127.0.0.1:${String(CLOSED_PORT)}/test`,
      attempts: 3,
      retryDelayMs: 20,
      log: (message) => notices.push(message),
    }).then(
      () => new Error('connect resolved'),
      (error: unknown) => error,
    );
    const elapsed = performance.now() - started;
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /^fleet-runtime: cannot use the database postgres:\/\/postgres@127\.0\.0\.1:1\/test after 3 attempts: .*ECONNREFUSED/,
    );
    expect(notices.map((notice) => /retrying in (\d+) ms \(attempt (\d)\/3\)/.exec(notice)?.slice(1))).toEqual([
      ['20', '1'],
      ['40', '2'],
    ]);
    // Two waits of 20 + 40 ms plus three refused connections: well under a second. A nested pool
    // retry would spend its reconnect timeout (60 s by default) inside every attempt.
    expect(elapsed).toBeGreaterThanOrEqual(60);
    expect(elapsed).toBeLessThan(3000);
  });
});
