import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { Framework, FunctionNode, HandlerKind } from '../types.js';

/** What a handler's parameter names suggest. */
export interface Shape {
  readonly framework: Framework;
  readonly kind?: HandlerKind;
  /** The parameters as written, for provenance: `(req, res)`. */
  readonly signature: string;
}

const REQUEST = /^_?(req|request)$/;
const RESPONSE = /^_?(res|response)$/;
const ERROR = /^_?(err|error|e)$/;
const NEXT = /^_?next$/;

function names(fn: FunctionNode): string[] | undefined {
  const result: string[] = [];
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    result.push(target.name);
  }
  return result;
}

/**
 * The framework a function's parameter names point to: `(req, res[, next])` Express,
 * `(err, req, res, next)` Express error middleware, `(request, reply)` Fastify,
 * `(ctx[, next])` Koa, `(c[, next])` Hono. `undefined` for anything else.
 */
export function handlerShape(fn: FunctionNode): Shape | undefined {
  const params = names(fn);
  if (!params || params.length === 0) return undefined;
  const [a = '', b = '', c = '', d = ''] = params;
  const signature = `(${params.join(', ')})`;
  if (params.length === 4 && ERROR.test(a) && REQUEST.test(b) && RESPONSE.test(c) && NEXT.test(d))
    return { framework: 'express', kind: 'error-middleware', signature };
  if (params.length <= 3 && REQUEST.test(a) && /^_?reply$/.test(b) && params.length === 2) return { framework: 'fastify', signature };
  if (params.length <= 3 && REQUEST.test(a) && RESPONSE.test(b) && (params.length === 2 || NEXT.test(c)))
    return { framework: 'express', signature };
  if (params.length <= 2 && /^_?(ctx|context)$/.test(a) && (params.length === 1 || NEXT.test(b))) return { framework: 'koa', signature };
  if (params.length <= 2 && a === 'c' && (params.length === 1 || NEXT.test(b))) return { framework: 'hono', signature };
  return undefined;
}
