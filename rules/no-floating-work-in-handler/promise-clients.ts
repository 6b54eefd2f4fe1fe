import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { importPath } from '../../src/handlers/import-path.js';
import { memberName } from '../../src/ast/member-name.js';
import { unwrap } from '../../src/ast/unwrap.js';
import type { FileContext } from './file-context.js';
import { receiverOrigin } from './receiver-origin.js';

/**
 * SDK clients whose calls return promises, recognised without types from where the receiver was
 * made (`const redis = new Redis()`, a class field `private stripe = new Stripe(key)`, a client
 * exported by a project module). `paths`: the class or factory export (`[]` = the module itself);
 * `depth`: how many members lead to the call (`redis.set` is 1, `stripe.customers.create` 2 or
 * more); `except`: first members that are synchronous (`stripe.webhooks.constructEvent`).
 */
interface PromiseClient {
  readonly module: string | RegExp;
  readonly paths: readonly (readonly string[])[];
  readonly depth: 'one' | 'nested';
  readonly except?: ReadonlySet<string>;
}

// Event-emitter plumbing and builders of Redis clients that return no promise.
const REDIS_SYNC = new Set([
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'emit',
  'setMaxListeners',
  'pipeline',
  'multi',
  'duplicate',
  'defineCommand',
  'disconnect',
  'scanStream',
  'sscanStream',
  'hscanStream',
  'zscanStream',
  'nodes',
  'createStream',
]);

const CLIENTS: readonly PromiseClient[] = [
  { module: 'ioredis', paths: [[], ['Redis'], ['Cluster']], depth: 'one', except: REDIS_SYNC },
  { module: '@upstash/redis', paths: [['Redis'], ['Redis', 'fromEnv']], depth: 'one', except: REDIS_SYNC },
  { module: 'stripe', paths: [[], ['Stripe']], depth: 'nested', except: new Set(['webhooks', 'on', 'once', 'off']) },
  { module: 'openai', paths: [[], ['OpenAI']], depth: 'nested' },
  { module: '@anthropic-ai/sdk', paths: [[], ['Anthropic']], depth: 'nested' },
  { module: 'resend', paths: [['Resend']], depth: 'nested' },
  { module: '@slack/web-api', paths: [['WebClient']], depth: 'nested' },
  { module: 'twilio', paths: [[]], depth: 'nested' },
];

// AWS SDK v3: `new S3Client(...).send(new PutObjectCommand(...))`.
const AWS_CLIENT = /^@aws-sdk\/client-/;

/** Whether `callee` (`redis.set`, `this.stripe.customers.create`) calls a promise-returning SDK client method. */
export function isPromiseClientCall(callee: TSESTree.Node, file: FileContext): boolean {
  const members: string[] = [];
  let receiver = unwrap(callee);
  while (receiver.type === AST_NODE_TYPES.MemberExpression && !isThisMember(receiver)) {
    const name = memberName(receiver);
    if (name === undefined) return false;
    members.unshift(name);
    receiver = unwrap(receiver.object);
  }
  if (members.length === 0) return false;
  const origin = receiverOrigin(receiver, file);
  if (!origin) return false;
  const path = importPath(origin);
  if (AWS_CLIENT.test(origin.module))
    return path.length === 1 && path[0]!.endsWith('Client') && members.length === 1 && members[0] === 'send';
  return CLIENTS.some(
    (client) =>
      client.module === origin.module &&
      client.paths.some((candidate) => candidate.length === path.length && candidate.every((segment, i) => segment === path[i])) &&
      (client.depth === 'one' ? members.length === 1 : members.length >= 2) &&
      !client.except?.has(members[0]!),
  );
}

/** `this.client`: a class member is a receiver of its own, not a member path. */
function isThisMember(node: TSESTree.MemberExpression): boolean {
  return unwrap(node.object).type === AST_NODE_TYPES.ThisExpression;
}
