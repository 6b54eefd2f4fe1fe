import { describe, expect, it } from 'vitest';
import { collectGarbage, DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent, HEAP_GROWTH_ENV } from '../../codemods/shared/heap-growth.js';

describe('heapGrowingPercent (how far the codemod lets V8 grow the heap past live data)', () => {
  it('limits growth to the default percent when the user chose no heap sizing', () => {
    expect(heapGrowingPercent({}, [])).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(30);
    expect(heapGrowingPercent({ NODE_OPTIONS: '--enable-source-maps' }, ['--no-warnings'])).toBe(30);
  });

  it(`takes the percent from ${HEAP_GROWTH_ENV}; 0 leaves V8's heuristics; anything else is ignored`, () => {
    expect(heapGrowingPercent({ [HEAP_GROWTH_ENV]: '50' }, [])).toBe(50);
    expect(heapGrowingPercent({ [HEAP_GROWTH_ENV]: ' 10 ' }, [])).toBe(10);
    expect(heapGrowingPercent({ [HEAP_GROWTH_ENV]: '0' }, [])).toBeUndefined();
    expect(heapGrowingPercent({ [HEAP_GROWTH_ENV]: 'lots' }, [])).toBe(30);
    expect(heapGrowingPercent({ [HEAP_GROWTH_ENV]: '-5' }, [])).toBe(30);
  });

  it("honours the user's own heap flags, on the command line or in NODE_OPTIONS", () => {
    expect(heapGrowingPercent({}, ['--max-old-space-size=4096'])).toBeUndefined();
    expect(heapGrowingPercent({}, ['--max_old_space_size=4096'])).toBeUndefined();
    expect(heapGrowingPercent({ NODE_OPTIONS: '--enable-source-maps --max-old-space-size=1100' }, [])).toBeUndefined();
    expect(heapGrowingPercent({ NODE_OPTIONS: '--heap-growing-percent=80' }, [])).toBeUndefined();
    // A flag that only starts the same way is not a heap flag.
    expect(heapGrowingPercent({}, ['--max-old-space-size-x=1'])).toBe(30);
  });
});

describe('collectGarbage', () => {
  /** Allocates about 64 MiB that is garbage once the function returns; its length keeps it from being optimised away. */
  function makeGarbage(): number {
    const chunks = Array.from({ length: 64 }, (_, index) => new Float64Array(131_072).fill(index));
    return chunks.length;
  }

  it('frees dropped memory at once', () => {
    expect(makeGarbage()).toBe(64);
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    collectGarbage({}, []);
    const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(before - after).toBeGreaterThan(32 * 1024 * 1024);
  });
});
