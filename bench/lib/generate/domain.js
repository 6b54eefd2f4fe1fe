/**
 * The synthetic backend's domains: one entity per domain (`order12`), each with a model file and
 * a service file that handlers import. Field lists vary per domain so file sizes vary.
 */
const BASES = [
  'order',
  'invoice',
  'product',
  'cart',
  'payment',
  'shipment',
  'review',
  'report',
  'team',
  'project',
  'ticket',
  'comment',
  'session',
  'webhook',
  'subscription',
  'coupon',
  'inventory',
  'notification',
  'audit',
  'customer',
  'vendor',
  'contract',
  'document',
  'export',
  'upload',
];

/** Field catalogue: name and TypeScript type (string or number only, so parsing code stays simple). */
const FIELDS = [
  ['name', 'string'],
  ['title', 'string'],
  ['email', 'string'],
  ['amount', 'number'],
  ['quantity', 'number'],
  ['priority', 'number'],
  ['notes', 'string'],
  ['ownerId', 'string'],
  ['region', 'string'],
  ['score', 'number'],
  ['currency', 'string'],
  ['slug', 'string'],
  ['version', 'number'],
  ['externalRef', 'string'],
  ['weight', 'number'],
  ['locale', 'string'],
  ['sortOrder', 'number'],
  ['description', 'string'],
  ['retries', 'number'],
  ['channel', 'string'],
];

/**
 * @typedef {{ index: number, id: string, type: string, plural: string,
 *   fields: [string, string][], utilIndex: number }} Domain
 */

/**
 * @param {import('./random.js').Random} rnd
 * @param {number} count number of domains
 * @param {number} utilCount number of util files (each domain's service imports one)
 * @returns {Domain[]}
 */
export function makeDomains(rnd, count, utilCount) {
  const domains = [];
  for (let index = 0; index < count; index += 1) {
    const base = BASES[index % BASES.length];
    const id = `${base}${index}`;
    const type = id[0].toUpperCase() + id.slice(1);
    const fieldCount = rnd.int(4, FIELDS.length);
    const fields = [...FIELDS].sort(() => rnd.next() - 0.5).slice(0, fieldCount);
    domains.push({ index, id, type, plural: `${base}s${index}`, fields, utilIndex: rnd.int(0, utilCount - 1) });
  }
  return domains;
}

/** `Order12` → the parse expression for a raw field value of the field's type. */
export function parseField([name, type]) {
  return type === 'number' ? `Number(raw.${name} ?? 0)` : `String(raw.${name} ?? '')`;
}
