import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../src/uuid-v7.js';

describe('uuidV7', () => {
  it('mints RFC 9562 version-7 ids carrying the time, distinct across random-pool refills', () => {
    const at = Date.UTC(2026, 11, 4, 18, 0, 0);
    const ids = Array.from({ length: 1000 }, () => uuidV7(at));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
    }
    // The random part differs between consecutive ids, including across the 256-id pool boundary.
    const tails = ids.map((id) => id.slice(14));
    expect(new Set(tails).size).toBe(1000);
  });
});
