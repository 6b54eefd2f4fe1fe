/**
 * The prefixes the handler model could not see for one route: the model already joined the
 * prefixes of mounts in the route's own module (a single static mount per object), so this walks
 * up the same chain, then adds what lies beyond it (mounts in other files, several mounts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../ast/unwrap.js';
import type { PrefixOutcome } from './mount-prefixes.js';
import type { MountPrefixes } from './mount-prefixes.js';
import { unitOfExpression } from './module-facts/units.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The unit a registration call registers on (`router` in `router.get()`), if it can be followed. */
export function registrationUnit(registration: TSESTree.Node): string | undefined {
  if (registration.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(registration.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? unitOfExpression(callee.object) : undefined;
}

/**
 * Prefixes to put before `modelPath` (the path the handler model built for a route registered on
 * `unit` in `file`).
 */
export function routePrefixes(prefixes: MountPrefixes, file: string, unit: string, modelPath: string): PrefixOutcome {
  const own = prefixes.own(file, unit);
  if (!own.ok) return own;
  let chain = own.values[0]!;
  let top = unit;
  for (let depth = 0; depth < 12; depth++) {
    const local = prefixes.localMounts(file, top).filter((mount) => mount.edge.framework);
    if (local.length !== 1 || local[0]!.edge.prefix === undefined) break;
    const [mount] = local;
    if (prefixes.crossMounts(file, top).length > 0) {
      return {
        ok: false,
        reason: `\`${top}\` is mounted both in this module (${prefixes.where(file, mount!.edge.line)}) and in others, which Fleet does not combine`,
      };
    }
    const parent = mount!.edge.parent;
    const parentOwn = prefixes.own(file, parent);
    if (!parentOwn.ok) return parentOwn;
    chain = parentOwn.values[0]! + joinSlash(mount!.edge.prefix!, chain);
    top = parent;
  }
  const expected = chain.replace(/\/$/, '');
  if (expected !== '' && !modelPath.startsWith(expected)) {
    // The handler model did not join this module's mounts (e.g. a typed plugin parameter it
    // anchored elsewhere): every mount of the registering object is still to be added.
    if (top !== unit && (own.values[0] === '' || modelPath.startsWith(own.values[0]!))) return prefixes.mounted(file, unit);
    return { ok: false, reason: `the prefixes in this module could not be matched to the path \`${modelPath}\`` };
  }
  return prefixes.mounted(file, top);
}

function joinSlash(prefix: string, path: string): string {
  if (prefix === '' || prefix === '/') return path;
  if (prefix.endsWith('/') && path.startsWith('/')) return prefix + path.slice(1);
  return prefix + path;
}
