/**
 * Fleet's shared ESLint settings (`settings.fleet` in `eslint.config.js`), read and validated
 * once per settings object so every rule, codemod and CLI command agrees on them.
 */
import { FRAMEWORK_NAMES } from './frameworks/index.js';
import type { Framework } from './handlers/types.js';

/** A user-declared wrapper that registers a handler, e.g. `setupApiRoute(router, 'post', path, fn)`. */
export interface HandlerDeclaration {
  /** Callee pattern (`src/handlers/callee-pattern.ts`): `*` one segment, `**` any, optional leading `this.` (`setupApiRoute`, `*.route`, `api.**`). */
  readonly callee: string;
  /** Index of the handler argument (zero-based). Default: every function argument — the last is the route handler, earlier ones are middleware. */
  readonly handlerArg?: number;
  /** Index of the argument holding the HTTP method (a string literal). */
  readonly methodArg?: number;
  /** Index of the argument holding the route path. */
  readonly pathArg?: number;
  /** Fixed HTTP method when the wrapper implies one (`'POST'`). */
  readonly method?: string;
  /** Globs limiting the files this declaration applies to. Default: every file. */
  readonly files?: readonly string[];
}

/** Files whose exported functions are request handlers (in-house file conventions). */
export interface HandlerFileDeclaration {
  /** Globs of the files. */
  readonly files: readonly string[];
  /** Export names that are handlers (`default`, `GET`, ...). Default: every exported function. */
  readonly exports?: readonly string[];
}

/** Validated `settings.fleet`. Unknown keys are kept as they are for other parts of Fleet. */
export interface FleetSettings {
  /** Name/shape-based fallback detection (`(req, res)` handlers on unknown receivers). Default `true`. */
  readonly heuristics: boolean;
  /** How many same-module calls a handler's reach follows. Default `2`. */
  readonly callDepth: number;
  /** Frameworks to detect. Default: all. */
  readonly frameworks: readonly Framework[];
  /** User-declared handler wrappers. Default `[]`. */
  readonly handlers: readonly HandlerDeclaration[];
  /** User-declared handler files. Default `[]`. */
  readonly handlerFiles: readonly HandlerFileDeclaration[];
  /** Extra durable-enqueue callees (dotted names) for the rules. Default `[]`. */
  readonly queues: readonly string[];
  /** Keys this version does not know, passed through untouched. */
  readonly [key: string]: unknown;
}

const DEFAULTS: FleetSettings = {
  heuristics: true,
  callDepth: 2,
  frameworks: FRAMEWORK_NAMES,
  handlers: [],
  handlerFiles: [],
  queues: [],
};

const cache = new WeakMap<object, FleetSettings>();

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

function fail(key: string, found: unknown, expected: string): never {
  throw new Error(`Invalid settings.fleet${key === '' ? '' : `.${key}`}: found ${describe(found)}; write ${expected}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, key: string, example: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    fail(key, value, `an array of strings, e.g. ${example}`);
  }
  return value;
}

function optionalIndex(entry: Record<string, unknown>, key: string, at: string): number | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail(`${at}.${key}`, value, 'a zero-based argument index such as `3`');
  }
  return value;
}

function readHandler(entry: unknown, index: number): HandlerDeclaration {
  const at = `handlers[${index}]`;
  if (!isRecord(entry)) fail(at, entry, "an object such as `{ callee: 'setupApiRoute', methodArg: 1, pathArg: 2 }`");
  const { callee, method, files } = entry;
  if (typeof callee !== 'string' || !/^(\*\*?|[\w$]+)(\.(\*\*?|[\w$]+))*$/.test(callee)) {
    fail(
      `${at}.callee`,
      callee,
      "a dotted callee pattern where `*` matches one segment and `**` any number, e.g. `'setupApiRoute'` or `'*.route'`",
    );
  }
  if (method !== undefined && typeof method !== 'string') fail(`${at}.method`, method, "an HTTP method such as `'POST'`");
  const declaration: {
    -readonly [K in keyof HandlerDeclaration]: HandlerDeclaration[K];
  } = { callee };
  const handlerArg = optionalIndex(entry, 'handlerArg', at);
  const methodArg = optionalIndex(entry, 'methodArg', at);
  const pathArg = optionalIndex(entry, 'pathArg', at);
  if (handlerArg !== undefined) declaration.handlerArg = handlerArg;
  if (methodArg !== undefined) declaration.methodArg = methodArg;
  if (pathArg !== undefined) declaration.pathArg = pathArg;
  if (method !== undefined) declaration.method = method.toUpperCase();
  if (files !== undefined) declaration.files = stringList(files, `${at}.files`, "`['src/routes/**/*.ts']`");
  return declaration;
}

function readHandlerFile(entry: unknown, index: number): HandlerFileDeclaration {
  const at = `handlerFiles[${index}]`;
  if (!isRecord(entry)) fail(at, entry, "an object such as `{ files: ['src/api/**/*.ts'], exports: ['default'] }`");
  const files = stringList(entry.files, `${at}.files`, "`['src/api/**/*.ts']`");
  if (entry.exports === undefined) return { files };
  return { files, exports: stringList(entry.exports, `${at}.exports`, "`['default', 'handler']`") };
}

function parse(raw: Record<string, unknown>): FleetSettings {
  const result: Record<string, unknown> = { ...DEFAULTS, ...raw };
  if (raw.heuristics !== undefined && typeof raw.heuristics !== 'boolean') {
    fail('heuristics', raw.heuristics, '`true` or `false`');
  }
  if (raw.callDepth !== undefined) {
    const depth = raw.callDepth;
    if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0 || depth > 10) {
      fail('callDepth', depth, 'an integer from 0 to 10 (default 2)');
    }
  }
  if (raw.frameworks !== undefined) {
    const list = stringList(raw.frameworks, 'frameworks', "`['express', 'fastify']`");
    const unknown = list.find((name) => !(FRAMEWORK_NAMES as readonly string[]).includes(name));
    if (unknown !== undefined) fail('frameworks', unknown, `framework names from ${FRAMEWORK_NAMES.join(', ')}`);
  }
  if (raw.handlers !== undefined) {
    if (!Array.isArray(raw.handlers)) fail('handlers', raw.handlers, 'an array of handler declarations');
    result.handlers = raw.handlers.map(readHandler);
  }
  if (raw.handlerFiles !== undefined) {
    if (!Array.isArray(raw.handlerFiles)) fail('handlerFiles', raw.handlerFiles, 'an array of `{ files, exports? }` objects');
    result.handlerFiles = raw.handlerFiles.map(readHandlerFile);
  }
  if (raw.queues !== undefined) stringList(raw.queues, 'queues', "`['jobs.enqueue', 'queue.add']`");
  return result as unknown as FleetSettings;
}

/**
 * Reads ESLint's `settings.fleet` (pass `context.settings.fleet`). `undefined` gives the defaults.
 * Throws an Error naming `settings.fleet.<key>`, what was found and what to write.
 */
export function readFleetSettings(raw: unknown): FleetSettings {
  if (raw === undefined || raw === null) return DEFAULTS;
  if (!isRecord(raw)) fail('', raw, 'an object, e.g. `settings: { fleet: { heuristics: false } }`');
  const cached = cache.get(raw);
  if (cached) return cached;
  const parsed = parse(raw);
  cache.set(raw, parsed);
  return parsed;
}
