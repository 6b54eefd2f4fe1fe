/**
 * NestJS: the global prefix (`app.setGlobalPrefix('api')`, found in the project's bootstrap file)
 * and the URI version segment (`enableVersioning()`, `@Controller({ version })`, `@Version()`)
 * in front of a controller route.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { joinRoutePath } from './route-paths.js';
import { isExcluded } from './prefix-exclude.js';
import { nestRouteVersion } from './route-version.js';
import { packageRoot } from '../../routes/package-root.js';
import type { MountIndex } from '../../routes/project-mounts.js';
import type { AppCall, FullPaths } from '../framework.js';
import type { RouteInfo } from '../../handlers/types.js';
import { projectMounts } from '../../routes/project-mounts.js';
import { GLOBAL_PREFIX, VERSIONING } from './app-calls.js';
import type { NestPrefixCall, NestVersioningCall } from './app-calls.js';

function where(index: MountIndex, file: string, line: number): string {
  return `${path.relative(index.root, file).split(path.sep).join('/')}:${line}`;
}

/** The bootstrap calls of the package `file` belongs to: another app of a monorepo sets its own prefix. */
function samePackage<T extends { readonly file: string }>(index: MountIndex, file: string, calls: readonly T[]): readonly T[] {
  const own = packageRoot(file, index.root);
  return calls.filter((call) => packageRoot(call.file, index.root) === own);
}

/** The project's app calls of one method, with their files. */
function callsOf<T extends AppCall>(index: MountIndex, method: T['method']): { readonly file: string; readonly call: T }[] {
  return index.appCalls.filter((located): located is { file: string; call: T } => located.call.method === method);
}

/** The version segment (`v1`), `''` for none, or why it is unknown. */
function versionSegment(index: MountIndex, file: string, registration: TSESTree.Node): { segment: string } | { reason: string } {
  const calls = samePackage(index, file, callsOf<NestVersioningCall>(index, VERSIONING));
  if (calls.length === 0) return { segment: '' };
  const [first] = calls;
  const at = where(index, first!.file, first!.call.line);
  if (calls.length > 1)
    return {
      reason: `the project enables URI versioning more than once (${calls.map((c) => where(index, c.file, c.call.line)).join(', ')})`,
    };
  const { prefix, defaultVersion } = first!.call;
  const declared = nestRouteVersion(registration);
  if (declared.kind === 'dynamic') return { reason: 'the route’s `version` is not one static string' };
  if (declared.kind === 'neutral') return { segment: '' };
  const version = declared.kind === 'version' ? declared.value : defaultVersion;
  if (version === null) return { segment: '' };
  if (version === undefined) return { reason: `the default version of the URI versioning at ${at} is not one static string` };
  if (prefix === undefined) return { reason: `the version prefix of the URI versioning at ${at} is not static` };
  return { segment: prefix + version };
}

/**
 * The full path of a Nest route of `file` (`routePath` joins controller and method paths; `registration`
 * is its verb decorator, `methods` its methods), or why it is unknown.
 */
export function nestPrefix(
  index: MountIndex,
  file: string,
  routePath: string,
  methods: readonly string[],
  registration: TSESTree.Node,
): { paths: string[] } | { reason: string } {
  const version = versionSegment(index, file, registration);
  if ('reason' in version) return version;
  const versioned = version.segment === '' ? routePath : joinRoutePath(version.segment, routePath);
  const calls = samePackage(index, file, callsOf<NestPrefixCall>(index, GLOBAL_PREFIX));
  if (calls.length === 0) return { paths: [versioned] };
  const [first] = calls;
  for (const { file, call } of calls) {
    if (call.prefix === undefined) return { reason: `the global prefix set at ${where(index, file, call.line)} is not a static string` };
    if (call.prefix !== first!.call.prefix)
      return { reason: `the project sets different global prefixes (${calls.map((c) => where(index, c.file, c.call.line)).join(', ')})` };
    if (call.exclude === undefined)
      return { reason: `the \`exclude\` list of the global prefix at ${where(index, file, call.line)} is not static` };
  }
  const excluded = isExcluded(first!.call.exclude!, routePath, methods);
  if (typeof excluded !== 'boolean') return excluded;
  return { paths: [excluded ? versioned : joinRoutePath(first!.call.prefix!, versioned)] };
}

/** The registry's `fullPaths` for NestJS: the controller route under the package's global prefix and URI version. */
export function nestFullPaths(route: RouteInfo, file: { readonly filename: string; readonly projectRoot: string }): FullPaths {
  if (route.path === undefined) return { reason: 'the route path is not a static string' };
  if (!route.pathComplete) return { reason: 'the controller or method path is not one static string' };
  return nestPrefix(projectMounts(file.projectRoot), file.filename, route.path, route.methods, route.registration);
}
