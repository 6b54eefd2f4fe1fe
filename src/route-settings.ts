/**
 * The `settings.fleet` keys of the route rules: where the manifest is, which values are workspace
 * paths, and which files only serve replicas run. Read and validated once per settings object.
 */

/** Where workspace paths come from (`settings.fleet.workspaceSources`). Lists add to the defaults. */
export interface WorkspaceSources {
  /** Identifier and property names, compared without case and `_` (`workspaceRoot` = `WORKSPACE_ROOT`). */
  readonly identifiers: readonly string[];
  /** Dotted member paths matched against the end of a member chain; `*` = one segment (`workspace.root`). */
  readonly members: readonly string[];
  /** Dotted callee patterns whose result is a workspace path (`getWorkspacePath`, `*.workspaceDir`). */
  readonly calls: readonly string[];
  /** Environment variable names; `*` = any run of characters (`WORKSPACE_*`). */
  readonly env: readonly string[];
}

/** The validated route-rule settings. */
export interface RouteSettings {
  /** `settings.fleet.manifest`: manifest path, relative to ESLint's cwd. Default: the nearest `fleet.routes.yaml`. */
  readonly manifest: string | undefined;
  /** `settings.fleet.serveFiles`: globs of files only serve replicas run. Default `[]`. */
  readonly serveFiles: readonly string[];
  /** Defaults plus `settings.fleet.workspaceSources`. */
  readonly workspaceSources: WorkspaceSources;
  /**
   * `settings.fleet.bundleSources` (same shape, no defaults): values the project declares to be
   * its own bundle (shipped with every replica), e.g. a `TEMPLATES_DIR` set from the deploy.
   */
  readonly bundleSources: WorkspaceSources;
}

/**
 * Built-in workspace sources. Only names that mean "the user's checkout" are here: `projectRoot`,
 * `rootDir` or `baseDir` usually name the app's own directory (`path.resolve(__dirname, '..')`),
 * and a default that cries wolf on them would teach people to turn the rule off.
 */
export const DEFAULT_WORKSPACE_SOURCES: WorkspaceSources = {
  identifiers: [
    'workspacePath',
    'workspaceRoot',
    'workspaceDir',
    'workspaceDirectory',
    'workspaceFolder',
    'workspaceRootPath',
    'repoRoot',
    'repoPath',
    'repoDir',
    'repositoryRoot',
    'repositoryPath',
    'repositoryDir',
    'checkoutDir',
    'checkoutPath',
  ],
  members: ['workspace.root', 'workspace.path', 'workspace.dir', 'workspace.rootPath', 'workspace.fsPath', 'repo.root', 'repo.dir'],
  calls: ['getWorkspacePath', 'getWorkspaceRoot', 'getWorkspaceDir', 'resolveWorkspacePath', 'getRepoRoot', 'getRepoPath'],
  env: ['WORKSPACE_*', '*_WORKSPACE', '*_WORKSPACE_DIR', '*_WORKSPACE_PATH', '*_WORKSPACE_ROOT', 'REPO_ROOT', 'REPO_PATH', 'REPO_DIR'],
};

const cache = new WeakMap<object, RouteSettings>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(key: string, found: unknown, expected: string): never {
  const shown =
    typeof found === 'string' ? JSON.stringify(found) : Array.isArray(found) ? 'an array' : found === null ? 'null' : typeof found;
  throw new Error(`Invalid settings.fleet.${key}: found ${shown}; write ${expected}.`);
}

function strings(value: unknown, key: string, example: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    fail(key, value, `an array of non-empty strings, e.g. ${example}`);
  }
  return value as string[];
}

const NO_SOURCES: WorkspaceSources = { identifiers: [], members: [], calls: [], env: [] };
const EMPTY: RouteSettings = {
  manifest: undefined,
  serveFiles: [],
  workspaceSources: DEFAULT_WORKSPACE_SOURCES,
  bundleSources: NO_SOURCES,
};

/** Reads `settings.fleet.<key>` (`workspaceSources` or `bundleSources`): lists add to `defaults`. */
function readSources(raw: unknown, key: string, defaults: WorkspaceSources): WorkspaceSources {
  if (raw === undefined) return defaults;
  if (!isRecord(raw)) fail(key, raw, "an object such as `{ identifiers: ['wsRoot'], env: ['WS_DIR'] }`");
  const known = new Set(['identifiers', 'members', 'calls', 'env', 'defaults']);
  const unknown = Object.keys(raw).find((name) => !known.has(name));
  if (unknown !== undefined)
    fail(`${key}.${unknown}`, raw[unknown], 'one of the keys `identifiers`, `members`, `calls`, `env`, `defaults`');
  if (raw.defaults !== undefined && typeof raw.defaults !== 'boolean')
    fail(`${key}.defaults`, raw.defaults, '`true` (keep the built-in names) or `false`');
  const base = raw.defaults === false ? NO_SOURCES : defaults;
  const dotted = /^(\*|[\w$]+)(\.(\*|[\w$]+))*$/;
  const members = strings(raw.members, `${key}.members`, "`['ctx.workspace.root', '*.wsPath']`");
  const calls = strings(raw.calls, `${key}.calls`, "`['getWorkspacePath', 'ws.root']`");
  const badMember = members.find((item) => !dotted.test(item));
  if (badMember !== undefined) fail(`${key}.members`, badMember, "a dotted path where `*` is one segment, e.g. `'ctx.workspace.root'`");
  const badCall = calls.find((item) => !dotted.test(item));
  if (badCall !== undefined) fail(`${key}.calls`, badCall, "a dotted callee where `*` is one segment, e.g. `'getWorkspacePath'`");
  return {
    identifiers: [...base.identifiers, ...strings(raw.identifiers, `${key}.identifiers`, "`['wsRoot']`")],
    members: [...base.members, ...members],
    calls: [...base.calls, ...calls],
    env: [...base.env, ...strings(raw.env, `${key}.env`, "`['WS_DIR', 'DATA_*']`")],
  };
}

/**
 * Reads the route-rule keys of `settings.fleet` (pass `context.settings.fleet`); other keys are
 * ignored. Throws an Error naming `settings.fleet.<key>`, what was found and what to write.
 */
export function readRouteSettings(raw: unknown): RouteSettings {
  if (!isRecord(raw)) return EMPTY;
  const cached = cache.get(raw);
  if (cached) return cached;
  if (raw.manifest !== undefined && (typeof raw.manifest !== 'string' || raw.manifest === '')) {
    fail('manifest', raw.manifest, "the manifest's path, e.g. `'config/fleet.routes.yaml'`");
  }
  const settings: RouteSettings = {
    manifest: raw.manifest,
    serveFiles: strings(raw.serveFiles, 'serveFiles', "`['src/api/**/*.ts']`"),
    workspaceSources: readSources(raw.workspaceSources, 'workspaceSources', DEFAULT_WORKSPACE_SOURCES),
    bundleSources: readSources(raw.bundleSources, 'bundleSources', NO_SOURCES),
  };
  cache.set(raw, settings);
  return settings;
}

/** The `manifest` option both manifest-backed rules accept (JSON schema). */
export const MANIFEST_OPTION_SCHEMA = {
  type: 'string',
  minLength: 1,
  description:
    'Path of the route manifest, relative to the working directory. Default: `settings.fleet.manifest`, else the nearest `fleet.routes.yaml`.',
} as const;
