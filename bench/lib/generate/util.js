import { Writer } from './writer.js';

/** Pure helper templates; each takes the util file's index as a name suffix. */
const TEMPLATES = [
  (n) => [
    `export function chunk${n}<T>(items: readonly T[], size: number): T[][] {`,
    '  const out: T[][] = [];',
    '  for (let i = 0; i < items.length; i += size) {',
    '    out.push(items.slice(i, i + size));',
    '  }',
    '  return out;',
    '}',
  ],
  (n) => [
    `export function groupBy${n}<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {`,
    '  const groups = new Map<string, T[]>();',
    '  for (const item of items) {',
    '    const k = key(item);',
    '    const list = groups.get(k) ?? [];',
    '    list.push(item);',
    '    groups.set(k, list);',
    '  }',
    '  return groups;',
    '}',
  ],
  (n) => [
    `export function slugify${n}(value: string): string {`,
    '  return value',
    '    .toLowerCase()',
    "    .normalize('NFKD')",
    "    .replace(/[^a-z0-9]+/g, '-')",
    "    .replace(/^-+|-+$/g, '');",
    '}',
  ],
  (n) => [
    `export function formatMoney${n}(amount: number, currency = 'EUR'): string {`,
    "  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);",
    '}',
  ],
  (n) => [
    `export async function retry${n}<T>(fn: () => Promise<T>, attempts = 3, delayMs = 200): Promise<T> {`,
    '  let lastError: unknown;',
    '  for (let attempt = 0; attempt < attempts; attempt += 1) {',
    '    try {',
    '      return await fn();',
    '    } catch (error) {',
    '      lastError = error;',
    '      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** attempt));',
    '    }',
    '  }',
    '  throw lastError;',
    '}',
  ],
  (n) => [
    `export function clamp${n}(value: number, min: number, max: number): number {`,
    '  return Math.min(max, Math.max(min, value));',
    '}',
  ],
  (n) => [
    `export function parseBool${n}(value: unknown, fallback = false): boolean {`,
    "  if (typeof value === 'boolean') return value;",
    "  if (typeof value !== 'string') return fallback;",
    "  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;",
    "  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;",
    '  return fallback;',
    '}',
  ],
  (n) => [
    `export function hashString${n}(value: string): number {`,
    '  let hash = 2166136261;',
    '  for (let i = 0; i < value.length; i += 1) {',
    '    hash ^= value.charCodeAt(i);',
    '    hash = Math.imul(hash, 16777619);',
    '  }',
    '  return hash >>> 0;',
    '}',
  ],
  (n) => [
    `export function paginate${n}<T>(items: readonly T[], page: number, perPage = 20): { items: T[]; total: number } {`,
    '  const start = Math.max(0, (page - 1) * perPage);',
    '  return { items: items.slice(start, start + perPage), total: items.length };',
    '}',
  ],
  (n) => [
    `export function pickDefined${n}<T extends object>(value: T): Partial<T> {`,
    '  const out: Partial<T> = {};',
    '  for (const [key, entry] of Object.entries(value)) {',
    '    if (entry !== undefined) {',
    '      (out as Record<string, unknown>)[key] = entry;',
    '    }',
    '  }',
    '  return out;',
    '}',
  ],
  (n) => [`export function sleep${n}(ms: number): Promise<void> {`, '  return new Promise((resolve) => setTimeout(resolve, ms));', '}'],
];

/**
 * `src/utils/util<n>.ts`: always exports `normalizeKey<n>` (services call it), plus a seeded
 * selection of other pure helpers, repeated with variants until the file reaches its size.
 * @param {import('./random.js').Random} rnd
 * @param {number} n
 */
export function utilFile(rnd, n) {
  const w = new Writer();
  w.line('/** Shared helpers. */', '');
  w.line(
    `export function normalizeKey${n}(value: string): string {`,
    "  return value.trim().toLowerCase().replace(/\\s+/g, '_');",
    '}',
    '',
  );
  const target = rnd.int(50, 220);
  let round = 0;
  while (w.lines.length < target) {
    const order = TEMPLATES.map((t, i) => [rnd.next(), i]).sort((a, b) => a[0] - b[0]);
    for (const [, i] of order) {
      if (w.lines.length >= target) break;
      w.line(...TEMPLATES[i](round === 0 ? n : `${n}v${round}`), '');
    }
    round += 1;
  }
  return w;
}
