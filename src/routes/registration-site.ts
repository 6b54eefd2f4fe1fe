import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Where a route registration is reported. A chained registration spanning lines
 * (`router.route('/')⏎ .post(...)⏎ .get(...)`) is reported at its method, not at the chain's
 * first line, so each method of the chain has its own line. A registration on one line keeps its
 * start, as before.
 */
export function registrationSite(registration: TSESTree.Node): TSESTree.Position {
  if (registration.type === AST_NODE_TYPES.CallExpression && registration.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = registration.callee.property.loc.start;
    if (method.line !== registration.loc.start.line) return method;
  }
  return registration.loc.start;
}
