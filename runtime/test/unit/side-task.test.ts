import { describe, expect, it } from 'vitest';
import { runSideTask } from '../../src/side-task.js';

describe('runSideTask', () => {
  it('restarts a failing loop with backoff and stops on abort', async () => {
    const controller = new AbortController();
    const starts: number[] = [];
    const logs: string[] = [];
    const done = runSideTask(
      {
        name: 'sync',
        minBackoffMs: 10,
        maxBackoffMs: 40,
        run: (signal) => {
          starts.push(Date.now());
          if (starts.length < 4) return Promise.reject(new Error(`boom ${String(starts.length)}`));
          return new Promise((resolve) => {
            signal.addEventListener('abort', () => {
              resolve();
            });
          });
        },
      },
      controller.signal,
      (_level, message) => logs.push(message),
      () => 1,
    );
    while (starts.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await done;
    expect(logs).toEqual([
      'side task sync failed (boom 1); restarting in 10 ms.',
      'side task sync failed (boom 2); restarting in 20 ms.',
      'side task sync failed (boom 3); restarting in 40 ms.',
    ]);
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] ?? at));
    expect(gaps[2]).toBeGreaterThanOrEqual(35);
  });

  it('jitters each restart delay to between half and all of the backoff', async () => {
    const controller = new AbortController();
    const logs: string[] = [];
    let runs = 0;
    const done = runSideTask(
      {
        name: 'sync',
        minBackoffMs: 40,
        maxBackoffMs: 1000,
        run: () => {
          runs += 1;
          if (runs === 3) controller.abort();
          return Promise.reject(new Error('down'));
        },
      },
      controller.signal,
      (_level, message) => logs.push(message),
      () => 0,
    );
    await done;
    expect(logs).toEqual(['side task sync failed (down); restarting in 20 ms.', 'side task sync failed (down); restarting in 40 ms.']);
  });

  it('resolves at once when aborted during a backoff wait', async () => {
    const controller = new AbortController();
    const done = runSideTask(
      { name: 'x', minBackoffMs: 60_000, run: () => Promise.reject(new Error('no')) },
      controller.signal,
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    const before = Date.now();
    controller.abort();
    await done;
    expect(Date.now() - before).toBeLessThan(1000);
  });
});
