import { planRoutes, routeBody, routeHelpers } from '../routes.js';
import { sideEffectSupport } from '../side-effects.js';
import { Writer } from '../writer.js';

/**
 * Assembles a route file: framework imports, domain imports, side-effect support (imports,
 * the queue, the same-module helper), pure helpers, then each route wrapped by the framework.
 * Route bodies are generated first because they decide which imports the file needs.
 *
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 * @param {{ root: string, imports: string[], adapter: import('../routes.js').Adapter,
 *   open: string[], close: string[], serviceImport?: string,
 *   routes?: import('../routes.js').RoutePlan[], directive?: string,
 *   wrap: (route: import('../routes.js').RoutePlan, path: string) => { head: string, tail: string } }} spec
 */
export function routeFile(rnd, d, spec) {
  const uses = new Set();
  const routes = (spec.routes ?? planRoutes(rnd)).map((route) => ({ route, body: routeBody(rnd, route, d, spec.adapter, uses) }));
  const support = sideEffectSupport(uses, spec.root, spec.adapter.svc ?? 'svc', d.type);
  const w = new Writer();
  if (spec.directive) w.line(spec.directive, '');
  w.line(...spec.imports, ...support.imports);
  w.line(spec.serviceImport ?? `import * as svc from '${spec.root}/services/${d.id}.service.js';`);
  w.line(`import { summarize${d.type}, type ${d.type}, type ${d.type}Input } from '${spec.root}/models/${d.id}.model.js';`, '');
  w.snippet(support.defs);
  w.line(...routeHelpers(), ...dtoMapper(d));
  w.line(...spec.open);
  for (const { route, body } of routes) {
    const { head, tail } = spec.wrap(route, `/${d.plural}${route.suffix}`);
    w.line(...head.split('\n'))
      .snippet(body)
      .line(...tail.split('\n'), '');
  }
  w.line(...spec.close);
  return w;
}

/** The response mapper most route files carry: one line per field, so size follows the model. */
function dtoMapper(d) {
  return [
    `function to${d.type}Dto(item: ${d.type}): Record<string, unknown> {`,
    '  return {',
    '    id: item.id,',
    '    status: item.status,',
    '    createdAt: item.createdAt,',
    ...d.fields.map(
      ([name, type]) =>
        `    ${name}: ${type === 'number' ? `Number.isFinite(item.${name}) ? item.${name} : null` : `item.${name}.trim()`},`,
    ),
    '  };',
    '}',
    '',
  ];
}
