import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { frameworkNamed } from '../../src/frameworks/index.js';
import type { Handler } from '../../src/handlers/types.js';
import type { FileContext } from './file-context.js';
import type { FloatingWork } from './floating-work.js';
import { feedsResponseStream } from './response-stream.js';

// Methods that answer the request on Express `res`, Fastify `reply`, Koa `ctx`, Hono `c`.
const RESPONSE_METHODS = 'json|send|sendStatus|end|redirect|render|writeHead|status|body|text|html';

/**
 * Whether an un-awaited promise is the request's own flow rather than work that outlives it:
 * Express 4 style `load().then((x) => res.json(x)).catch(next)` answers from inside the chain,
 * `(req, res) => void handle(req, res)` hands the whole request to an async function, and writes
 * to a streamed response keep the response open (see `feedsResponseStream`).
 */
export function isPartOfResponse(work: FloatingWork, handler: Handler, file: FileContext): boolean {
  const response = responseParam(handler);
  const responds = new RegExp(
    `\\bnext\\b${response === undefined ? '' : `|\\b${response.replaceAll('$', '\\$')}\\.(?:${RESPONSE_METHODS})\\b`}`,
  );
  if (work.chain.some((call) => call.arguments.some((argument) => responds.test(file.sourceCode.getText(argument))))) {
    return true;
  }
  if (feedsResponseStream(work.root, file)) return true;
  if (work.root.type !== AST_NODE_TYPES.CallExpression || response === undefined) return false;
  return work.root.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === response);
}

/**
 * The parameter that answers the request: `res`/`reply` (2nd of several), or Koa's `ctx` / Hono's
 * `c` (the only one). Frameworks whose handlers answer by returning (NestJS, Next.js, Elysia:
 * `answersBy` in `src/frameworks/`) have none; their parameters are inputs.
 */
function responseParam(handler: Handler): string | undefined {
  if (frameworkNamed(handler.framework).answersBy === 'return') return undefined;
  const { params } = handler.node;
  const param: TSESTree.Parameter | undefined = params.length === 1 ? params[0] : params[1];
  return param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined;
}
