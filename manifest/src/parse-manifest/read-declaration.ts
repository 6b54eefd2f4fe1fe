import { isMap, isScalar, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { didYouMean } from '../did-you-mean.js';
import type { ManifestIssue, ManifestIssueCode } from '../manifest-error.js';
import { ANY_METHOD, HTTP_METHODS } from '../methods.js';
import { parsePattern } from '../parse-pattern.js';
import type { Declaration, Role, SourcePosition } from '../types.js';

const KEYS = ['method', 'path', 'role', 'reason'];
// Names people reach for from other tools' route tables.
const ALIASES: Readonly<Record<string, string>> = {
  verb: 'method',
  methods: 'method',
  pattern: 'path',
  route: 'path',
  url: 'path',
  why: 'reason',
  comment: 'reason',
  note: 'reason',
};
/** The roles a declaration may have. */
export const ROLES: readonly Role[] = ['ide-only', 'fleet-ok'];

/** The method a declaration's `method` text names (trimmed, upper-cased), `undefined` when it is not `*` or an HTTP method. */
export function methodNamed(value: string): string | undefined {
  const method = value.trim().toUpperCase();
  return method === ANY_METHOD || HTTP_METHODS.includes(method) ? method : undefined;
}

/** Shared state of one manifest read: where issues go and how offsets become positions. */
export interface ReadContext {
  readonly file: string;
  readonly lines: LineCounter;
  readonly issues: ManifestIssue[];
}

/** Position of a YAML node (start of its range), 1-based. */
export function positionOf(context: ReadContext, node: Node | null | undefined): SourcePosition {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = context.lines.linePos(offset);
  return { line, column: col };
}

/** Records an issue at a node. */
export function report(context: ReadContext, node: Node | null | undefined, code: ManifestIssueCode, message: string): void {
  context.issues.push({ file: context.file, ...positionOf(context, node), code, message });
}

/** Validates one item of `routes`; returns the declaration, or `undefined` after reporting its problems. */
export function readDeclaration(context: ReadContext, item: unknown, index: number): Declaration | undefined {
  const node = item as Node | null;
  if (!isMap(item)) {
    report(context, node, 'shape', 'Each route is a mapping such as `{ method: GET, path: "/api/health", role: fleet-ok }`.');
    return undefined;
  }
  const before = context.issues.length;
  const values = readKeys(context, item);
  const method = readMethod(context, item, values.method);
  const pattern = readPath(context, item, values.path);
  const role = readRole(context, item, values.role);
  const reason = readReason(context, values.reason, role);
  if (role === 'ide-only' && reason === undefined && values.reason === undefined) {
    report(
      context,
      item,
      'reason',
      'An `ide-only` route needs a `reason` (why it must run on the node with the workspace files), e.g. `reason: reads the checkout`.',
    );
  }
  if (context.issues.length > before || method === undefined || pattern === undefined || role === undefined) return undefined;
  return { method, path: pattern.text, pattern, role, reason, index, position: positionOf(context, item) };
}

function readKeys(context: ReadContext, map: YAMLMap): Partial<Record<string, Node>> {
  const values: Partial<Record<string, Node>> = {};
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && KEYS.includes(key)) {
      values[key] = (pair.value ?? undefined) as Node | undefined;
      continue;
    }
    const suggestion = key === undefined ? undefined : (ALIASES[key.toLowerCase()] ?? didYouMean(key, KEYS));
    const hint = suggestion === undefined ? '' : ` (did you mean \`${suggestion}\`?)`;
    report(context, keyNode, 'unknown-key', `Unknown key \`${key ?? '?'}\` in a route${hint}; the keys are ${list(KEYS)}.`);
  }
  return values;
}

function readString(context: ReadContext, map: YAMLMap, node: Node | undefined, key: string, example: string): string | undefined {
  if (node === undefined) {
    report(context, map, 'missing-key', `A route needs \`${key}\`, e.g. \`${key}: ${example}\`.`);
    return undefined;
  }
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
    report(context, node, 'missing-key', `\`${key}\` must be a non-empty string, e.g. \`${key}: ${example}\`.`);
    return undefined;
  }
  return node.value;
}

function readMethod(context: ReadContext, map: YAMLMap, node: Node | undefined): string | undefined {
  const value = readString(context, map, node, 'method', 'GET');
  if (value === undefined) return undefined;
  const method = methodNamed(value);
  if (method !== undefined) return method;
  const suggestion = didYouMean(value.trim().toUpperCase(), HTTP_METHODS);
  const hint = suggestion === undefined ? '' : ` (did you mean \`${suggestion}\`?)`;
  report(context, node, 'method', `Unknown method \`${value}\`${hint}; write one of ${list(HTTP_METHODS)} or \`"*"\` for any method.`);
  return undefined;
}

function readPath(context: ReadContext, map: YAMLMap, node: Node | undefined) {
  const value = readString(context, map, node, 'path', '"/api/items/{id}"');
  if (value === undefined) return undefined;
  const parsed = parsePattern(value);
  if (parsed.ok) return parsed.pattern;
  report(context, node, 'path', `Invalid path \`${value}\`: ${parsed.reason}.`);
  return undefined;
}

function readRole(context: ReadContext, map: YAMLMap, node: Node | undefined): Role | undefined {
  const value = readString(context, map, node, 'role', 'fleet-ok');
  if (value === undefined) return undefined;
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  const suggestion = didYouMean(value.replace(/_/g, '-'), ROLES);
  const hint = suggestion === undefined ? '' : ` (did you mean \`${suggestion}\`?)`;
  report(
    context,
    node,
    'role',
    `Unknown role \`${value}\`${hint}; write \`ide-only\` (needs the workspace files) or \`fleet-ok\` (any replica).`,
  );
  return undefined;
}

function readReason(context: ReadContext, node: Node | undefined, role: Role | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
  if (role === 'ide-only' || !(isScalar(node) && node.value === null)) {
    report(context, node, 'reason', '`reason` must be a non-empty sentence, e.g. `reason: reads the checkout`.');
  }
  return undefined;
}

function list(items: readonly string[]): string {
  return items.map((i) => `\`${i}\``).join(', ');
}
