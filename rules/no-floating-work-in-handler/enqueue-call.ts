import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/ast/member-name.js';
import { importPath } from '../../src/handlers/import-path.js';
import { unwrap } from '../../src/ast/unwrap.js';
import type { ImportSource } from '../../src/handlers/types.js';
import { calleePath, matchesCalleePattern } from '../../src/handlers/callee-pattern.js';
import type { FileContext } from './file-context.js';
import { isImported } from './file-context.js';
import { receiverOrigin } from './receiver-origin.js';

/** Durable queue clients: the class (module + export path) whose instances enqueue through `methods`. */
interface QueueClient {
  readonly module: string;
  readonly path: readonly string[];
  readonly methods: readonly string[];
}

const CLIENTS: readonly QueueClient[] = [
  { module: 'bullmq', path: ['Queue'], methods: ['add', 'addBulk'] },
  { module: 'pg-boss', path: [], methods: ['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'publish'] },
  { module: 'pg-boss', path: ['PgBoss'], methods: ['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'publish'] },
  { module: 'graphile-worker', path: ['makeWorkerUtils'], methods: ['addJob', 'addJobs'] },
  { module: 'graphile-worker', path: ['WorkerUtils'], methods: ['addJob', 'addJobs'] },
  { module: 'fleet-runtime', path: ['*'], methods: ['enqueue'] },
];

/** Enqueue functions called directly: module → export name. */
const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['fleet-runtime', 'enqueue'],
  ['graphile-worker', 'quickAddJob'],
];

/** Declaration files of queue classes, for the type-aware receiver check. */
const TYPED_CLIENTS: readonly (readonly [string, string, readonly string[]])[] = [
  ['/bullmq/', 'Queue', ['add', 'addBulk']],
  ['/pg-boss/', 'PgBoss', ['send', 'sendAfter', 'insert']],
  ['/graphile-worker/', 'WorkerUtils', ['addJob', 'addJobs']],
];

/**
 * When `call` enqueues durable work (fleet-runtime `enqueue`, BullMQ `Queue#add`, pg-boss `send`,
 * graphile-worker `addJob` / `quickAddJob`, or a `settings.fleet.queues` callee), its callee as
 * written (`this.queue.add`); otherwise `undefined`.
 */
export function isEnqueueCall(call: TSESTree.CallExpression, file: FileContext): string | undefined {
  const callee = unwrap(call.callee);
  const path = calleePath(callee);
  const text = path?.join('.') ?? 'enqueue';
  if (path && file.queues.some((pattern) => matchesCalleePattern(path, pattern))) return text;
  if (FUNCTIONS.some(([module, name]) => isImported(file, callee, [module], [name]))) return text;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === undefined) return undefined;
  const receiver = unwrap(callee.object);
  const origin = receiverOrigin(receiver, file);
  if (origin && CLIENTS.some((client) => isClient(origin, client) && client.methods.includes(method))) return text;
  return file.types && isTypedClient(receiver, method, file) ? text : undefined;
}

function isClient(origin: ImportSource, client: QueueClient): boolean {
  if (origin.module !== client.module) return false;
  if (client.path[0] === '*') return true;
  const path = importPath(origin);
  return path.length === client.path.length && path.every((segment, i) => segment === client.path[i]);
}

function isTypedClient(receiver: TSESTree.Node, method: string, file: FileContext): boolean {
  const symbol = file.types?.getTypeAtLocation(receiver).getSymbol();
  if (!symbol) return false;
  return TYPED_CLIENTS.some(
    ([folder, name, methods]) =>
      symbol.name === name &&
      methods.includes(method) &&
      (symbol.declarations ?? []).some((d) => d.getSourceFile().fileName.includes(folder)),
  );
}
