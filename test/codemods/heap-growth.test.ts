import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent, HEAP_GROWTH_ENV } from '../../codemods/shared/heap-growth.js';

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
