/**
 * What one module registers of another project module's exports: `router.post('/x',
 * Ctl.create.bind(this))` with `Ctl` required from `../controllers/Ctl`, `app.use(auth)`,
 * `app.use(rateLimit({ … }))` with `rateLimit` imported from `./middleware/rate-limit`. Read from
 * the module's handler model (`externalHandlers`, `externalRoutes`), so only registrations a
 * detector traced count. The registering module's facts, without syntax nodes, so the exporting
 * module can be told "these exports of yours are handlers" (see `registeredHandlers`).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { dottedName } from './external-route.js';
import { memberName } from '../ast/member-name.js';
import type { Confidence, Framework, HandlerModel } from './types.js';
import { unwrap } from '../ast/unwrap.js';

/** One registration of an imported value as a handler. */
export interface ImportRegistration {
  /** Absolute path of the project module the value is imported from (as written, re-exports not followed). */
  readonly file: string;
  /** Imported name: `default`, `*` (a namespace or a whole `require()`), or a named export. */
  readonly name: string;
  /** Members read after the import (`Ctl.create` → `['create']`). */
  readonly members: readonly string[];
  /** `0`: the value is the handler; `1`: the result of calling it is (`app.use(limit())`). */
  readonly calls: 0 | 1;
  readonly kind: 'route' | 'middleware';
  readonly framework: Framework;
  readonly confidence: Confidence;
  /** Upper-case methods of the route, `undefined` for middleware. */
  readonly methods: readonly string[] | undefined;
  /** The route's path as written at the registration. */
  readonly path: string | undefined;
  /**
   * The route as `fleet routes` lists it, with every prefix of the registering module's mounts
   * (`POST /reports/{id}/export`, or `POST /:id/export (prefix unresolved)`); `undefined` for
   * middleware or a registration the inventory does not list.
   */
  readonly routeLabel: string | undefined;
  /** The handler as the registration names it: `LibraryController.create`, `rateLimit()`. */
  readonly handlerName: string;
  /** `` `LibraryController.create` registered with `.post()` on `express()` at server/routers/ApiRouter.js:62 `` */
  readonly via: string;
}

interface Target {
  readonly node: TSESTree.Node;
  readonly calls: 0 | 1;
}

/**
 * The imported values a handler argument names: `Ctl.create.bind(this)` → `Ctl.create`; a call of
 * an imported factory → the factory, called once; a wrapper call (`asyncHandler(users.list)`) →
 * the wrapped values (and the wrapper, when it is imported: its result runs too); an array → its
 * elements (a list's elements are recorded one by one, see `localOrExternal`).
 */
function targetsOf(argument: TSESTree.Node, depth = 0): Target[] {
  const node = unwrap(argument);
  if (depth > 3) return [];
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return [{ node, calls: 0 }];
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.flatMap((element) => (element ? targetsOf(element, depth + 1) : []));
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') return targetsOf(callee.object, depth + 1);
      const wrapped = node.arguments.flatMap((arg) => {
        const inner = unwrap(arg);
        return inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression
          ? targetsOf(inner, depth + 1)
          : [];
      });
      return [{ node: callee, calls: 1 }, ...wrapped];
    }
    default:
      return [];
  }
}

function lineOf(node: TSESTree.Node): number {
  return node.loc.start.line;
}

/**
 * Every registration in the module of `model` (absolute path `filename`) of a value imported
 * from a project module (`resolve` finds it: relative, tsconfig `paths` or workspace specifier);
 * package imports are skipped. `label` names the module in `via` (a project-relative path);
 * `routeLabelOf` gives a route registration's full-path label (see `ImportRegistration.routeLabel`).
 */
export function importRegistrations(
  filename: string,
  label: string,
  model: HandlerModel,
  resolve: (from: string, specifier: string) => string | undefined,
  routeLabelOf: (registration: TSESTree.Node) => string | undefined = () => undefined,
): ImportRegistration[] {
  const result: ImportRegistration[] = [];
  const seen = new Set<TSESTree.Node>();
  const externals = [
    ...model.externalHandlers,
    ...model.externalRoutes.map((external) => ({
      framework: external.framework,
      kind: 'route' as const,
      confidence: external.confidence,
      via: external.via,
      route: external.route,
      target: external.target,
    })),
  ];
  for (const external of externals) {
    for (const target of targetsOf(external.target)) {
      if (seen.has(target.node)) continue;
      seen.add(target.node);
      const source = model.imports.sourceOf(target.node);
      const file = source === undefined ? undefined : resolve(filename, source.module);
      if (source === undefined || file === undefined) continue;
      const name = `${dottedName(target.node) ?? 'a handler'}${target.calls === 1 ? '()' : ''}`;
      const registration = external.route?.registration ?? target.node;
      result.push({
        file,
        name: source.name,
        members: source.members,
        calls: target.calls,
        handlerName: name,
        kind: external.kind,
        framework: external.framework,
        confidence: external.confidence,
        methods: external.kind === 'route' ? external.route?.methods : undefined,
        path: external.kind === 'route' ? external.route?.path : undefined,
        routeLabel: external.kind === 'route' && external.route ? routeLabelOf(external.route.registration) : undefined,
        via: `\`${name}\` registered with ${external.via} at ${label}:${lineOf(registration)}`,
      });
    }
  }
  return result;
}
