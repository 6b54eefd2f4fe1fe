import { sideEffect } from './side-effects.js';

/**
 * Route plans and bodies shared by every framework generator. A framework supplies an adapter
 * (how to read the id, the body and a query value, and how to answer); the body is the same
 * CRUD-plus-actions shape real backends repeat in every router.
 *
 * @typedef {{ param: string, body: (T: string) => string, query: (name: string) => string,
 *   ok: (expr: string) => string, created: (expr: string) => string, indent: string,
 *   after?: boolean, svc?: string }} Adapter `svc`: how handlers reach the domain service (default `svc`)
 * @typedef {{ action: string, method: string, suffix: string }} RoutePlan
 */

const EXTRA_ACTIONS = ['archive', 'publish', 'sync', 'approve', 'export', 'restore', 'assign'];

/**
 * Three to ten routes: the CRUD set (some omitted) plus custom actions on one item.
 * @param {import('./random.js').Random} rnd
 * @returns {RoutePlan[]}
 */
export function planRoutes(rnd) {
  /** @type {RoutePlan[]} */
  const routes = [
    { action: 'list', method: 'GET', suffix: '' },
    { action: 'get', method: 'GET', suffix: '/:id' },
    { action: 'create', method: 'POST', suffix: '' },
  ];
  if (rnd.chance(0.8)) routes.push({ action: 'update', method: 'PUT', suffix: '/:id' });
  if (rnd.chance(0.7)) routes.push({ action: 'delete', method: 'DELETE', suffix: '/:id' });
  const extra = rnd.int(0, 5);
  const names = [...EXTRA_ACTIONS].sort(() => rnd.next() - 0.5).slice(0, extra);
  for (const name of names) routes.push({ action: 'custom', method: 'POST', suffix: `/:id/${name}` });
  return routes;
}

/**
 * The statements of one route handler body.
 * @param {import('./random.js').Random} rnd
 * @param {RoutePlan} route
 * @param {import('./domain.js').Domain} d
 * @param {Adapter} a
 * @param {Set<string>} uses
 * @returns {import('./side-effects.js').Item[]}
 */
export function routeBody(rnd, route, d, a, uses) {
  const i = a.indent;
  const T = d.type;
  const S = a.svc ?? 'svc';
  const site = (idExpr, itemExpr) => ({ svc: S, T, id: d.id, idExpr, itemExpr, indent: i });
  const lines = (...texts) => texts.map((text) => ({ text: `${i}${text}` }));
  switch (route.action) {
    case 'list':
      return lines(
        `const limit = parseLimit(${a.query('limit')});`,
        `const offset = parseLimit(${a.query('offset')}, 0);`,
        `const items = await ${S}.list${T}(limit, offset);`,
        a.ok(`{ items: items.map(summarize${T}), limit, offset }`),
      );
    case 'get':
      return lines(`const item = await ${S}.get${T}(${a.param});`, a.ok('item'));
    case 'create':
      return [
        ...lines(`const input = ${a.body(T)};`, `const created = await ${S}.create${T}(input);`),
        ...sideEffect(rnd, site('created.id', 'created'), a, uses),
        ...lines(a.created('created')),
      ];
    case 'update':
      return [
        ...lines(`const updated = await ${S}.update${T}(${a.param}, ${a.body(T)});`),
        ...sideEffect(rnd, site('updated.id', 'updated'), a, uses),
        ...lines(a.ok('updated')),
      ];
    case 'delete':
      return lines(`const removed = await ${S}.delete${T}(${a.param});`, a.ok('{ removed }'));
    default:
      return [
        ...lines(`const item = await ${S}.get${T}(${a.param});`, "if (item.status === 'archived') {"),
        { text: `${i}  ${a.ok("{ skipped: true, reason: 'archived' }")}` },
        ...lines('}'),
        ...sideEffect(rnd, site('item.id', 'item'), a, uses),
        ...lines(a.ok(`{ id: item.id, action: '${route.suffix.split('/').pop()}' }`)),
      ];
  }
}

/** Module-level helpers most route files carry (pure; not handlers). */
export function routeHelpers() {
  return [
    'function parseLimit(value: unknown, fallback = 50): number {',
    "  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;",
    '  if (Number.isNaN(parsed) || parsed < 0) return fallback;',
    '  return Math.min(parsed, 500);',
    '}',
    '',
  ];
}
