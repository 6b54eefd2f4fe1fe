import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Confidence, ExternalRoute, Framework, RouteInfo } from './types.js';
import { memberName } from '../ast/member-name.js';
import { unwrap } from '../ast/unwrap.js';

/** What a detector knows about a route whose handler lives in another module. */
export interface ExternalRouteFacts {
  readonly framework: Framework;
  readonly confidence: Confidence;
  readonly via: string;
  readonly route: RouteInfo;
  /** The expression that names the handler. */
  readonly target: TSESTree.Node;
  /** Label override (Next.js uses its own `GET, POST /path` form). */
  readonly label?: string;
}

/**
 * `a.b.c`, `this.x`, `require('./c').list` (as `require().list`); a call reads as its callee
 * plus `()`, and `fn.bind(x)` as `fn`, since the bound function is the handler.
 */
export function dottedName(node: TSESTree.Node, depth = 0): string | undefined {
  const target = unwrap(node);
  if (depth > 6) return undefined;
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return target.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = dottedName(target.object, depth + 1);
      const name = memberName(target);
      return object === undefined || name === undefined ? undefined : `${object}.${name}`;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(target.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') return dottedName(callee.object, depth + 1);
      const name = dottedName(callee, depth + 1);
      return name === undefined ? undefined : `${name}()`;
    }
    default:
      return undefined;
  }
}

/** Builds an ExternalRoute; the label is `POST /users` or `POST <unknown path>`. */
export function makeExternalRoute(facts: ExternalRouteFacts): ExternalRoute {
  const label = facts.label ?? `${facts.route.methods.join(',')} ${facts.route.path ?? '<unknown path>'}`;
  return {
    framework: facts.framework,
    kind: 'route',
    confidence: facts.confidence,
    via: facts.via,
    route: facts.route,
    label,
    target: facts.target,
    targetName: dottedName(facts.target),
  };
}
