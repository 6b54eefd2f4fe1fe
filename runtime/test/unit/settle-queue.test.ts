import { describe, expect, it } from 'vitest';
import type { Settlement, Store } from '../../src/store.js';
import { SettleQueue } from '../../src/worker/settle-queue.js';
import { waitFor } from '../helpers/wait-for.js';

const done = (id: string): Settlement => ({ id, token: `t-${id}`, kind: 'done', result: null });

/** A store whose `settle` records each call and completes only when the test releases it. */
function gatedStore(): { store: Store; calls: string[][]; release: (index: number, outcome?: Error) => void } {
  const calls: string[][] = [];
  const gates: { resolve: (applied: boolean[]) => void; reject: (error: Error) => void; size: number }[] = [];
  const store = {
    settle: (batch: readonly Settlement[]) => {
      calls.push(batch.map((s) => s.id));
      return new Promise<boolean[]>((resolve, reject) => gates.push({ resolve, reject, size: batch.length }));
    },
  } as unknown as Store;
  const release = (index: number, outcome?: Error): void => {
    const gate = gates[index];
    if (gate === undefined) throw new Error(`no settle call #${String(index)}`);
    if (outcome === undefined) gate.resolve(Array.from({ length: gate.size }, () => true));
    else gate.reject(outcome);
  };
  return { store, calls, release };
}

describe('SettleQueue', () => {
  it('writes what is queued at a flush in one call, and the next flush in a concurrent call', async () => {
    const { store, calls, release } = gatedStore();
    const stored: string[][] = [];
    const queue = new SettleQueue({
      store,
      maxInFlight: 2,
      log: () => undefined,
      onStored: (batch) => stored.push(batch.map((s) => s.id)),
    });
    queue.push(done('a'));
    queue.push(done('b'));
    expect(calls).toEqual([]);
    queue.flush();
    expect(calls).toHaveLength(1);
    queue.push(done('c'));
    queue.flush();
    expect(calls).toHaveLength(2);
    expect(calls).toEqual([['a', 'b'], ['c']]);
    release(1);
    await waitFor('second stored', () => stored.length === 1);
    release(0);
    await queue.drain();
    expect(stored).toEqual([['c'], ['a', 'b']]);
  });

  it('keeps at most maxInFlight calls running and batches what waits meanwhile', async () => {
    const { store, calls, release } = gatedStore();
    const queue = new SettleQueue({ store, maxInFlight: 1, log: () => undefined, onStored: () => undefined });
    queue.push(done('a'));
    queue.flush();
    queue.push(done('b'));
    queue.push(done('c'));
    queue.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([['a']]);
    release(0);
    await waitFor('second call', () => calls.length === 2);
    expect(calls[1]).toEqual(['b', 'c']);
    release(1);
    await queue.drain();
    expect(queue.size).toBe(0);
  });

  it('retries a failed write with the same outcomes and logs why', async () => {
    const { store, calls, release } = gatedStore();
    const logs: string[] = [];
    const stored: string[] = [];
    const queue = new SettleQueue({
      store,
      maxInFlight: 1,
      retryDelayMs: 5,
      log: (_level, message) => logs.push(message),
      onStored: (batch) => stored.push(...batch.map((s) => s.id)),
    });
    queue.push(done('a'));
    queue.flush();
    release(0, new Error('connection lost'));
    await waitFor('retry', () => calls.length === 2);
    expect(calls[1]).toEqual(['a']);
    expect(logs).toEqual(['storing 1 outcomes failed, retrying: connection lost']);
    release(1);
    await queue.drain();
    expect(stored).toEqual(['a']);
  });

  it('after close, drops a failed batch instead of retrying forever', async () => {
    const { store, calls, release } = gatedStore();
    const logs: string[] = [];
    const queue = new SettleQueue({
      store,
      maxInFlight: 1,
      retryDelayMs: 5,
      log: (_level, message) => logs.push(message),
      onStored: () => undefined,
    });
    queue.push(done('a'));
    queue.flush();
    expect(calls).toHaveLength(1);
    queue.close();
    const drained = queue.drain();
    release(0, new Error('store closed'));
    await drained;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toHaveLength(1);
    expect(queue.size).toBe(0);
    expect(logs[0]).toMatch(
      /^storing 1 outcomes failed after shutdown \(store closed\); their tasks run again once their leases expire\.$/,
    );
  });
});
