import { classify, findManifest, loadManifest, type Manifest } from 'fleet-routes';
import { readRole, type Role } from '../role.js';
import { whereDeclared } from './describe-route.js';
import type { RequestScope } from './request-scope.js';
import { installWorkspaceGuard } from './workspace-guard.js';

/** Options of {@link createRoleGuard}. */
export interface RoleGuardOptions {
  /** Route manifest path. Default: the nearest `fleet.routes.yaml` from `process.cwd()` up to the repository root. */
  manifest?: string;
  /** This process's role. Default `FLEET_ROLE` (see `readRole`), else `all`. */
  role?: Role;
  /**
   * What a `serve` replica does with a request no declaration matches: `serve` it (default; the
   * lint rule `require-route-role` is where undeclared routes are caught, and unknown paths should
   * stay 404s) or `refuse` it with 421 like an ide-only route.
   */
  undeclared?: 'serve' | 'refuse';
  /**
   * Opt-in workspace guard (development, staging): on a `serve` replica, `fs` reads under this
   * directory made while a guarded request runs throw a `WorkspaceReadError` naming the route.
   * Default: off.
   */
  workspaceRoot?: string;
}

/** What the guard decided for one request. */
export type GuardDecision =
  | { readonly serve: true; readonly scope: RequestScope }
  | {
      readonly serve: false;
      readonly scope: RequestScope;
      readonly status: 421;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    };

/** The run-time role guard: one validated manifest, consulted per request. */
export interface RoleGuard {
  readonly role: Role;
  readonly manifest: Manifest;
  /** Classify a request: serve it here, or answer 421 with the given headers and JSON body. */
  decide(method: string, path: string): GuardDecision;
  /** Undo the workspace guard's `fs` hooks, if it installed them (tests, hot reload). */
  close(): void;
}

/**
 * Load and validate the route manifest once and return the guard the framework middleware use.
 * Throws at start-up, before a request is served: a `ManifestError` listing every problem as
 * `file:line:column message`, or an error saying where no manifest was found. On every role but
 * `serve` all requests are served (the manifest is still validated, so a broken one fails
 * everywhere alike).
 */
export function createRoleGuard(options: RoleGuardOptions = {}): RoleGuard {
  const role = options.role ?? readRole();
  const file = options.manifest ?? findManifest(process.cwd());
  if (file === undefined) {
    throw new Error(
      `Role guard: no fleet.routes.yaml found from ${process.cwd()} up to the repository root; create one with \`fleet routes --init\` or pass \`manifest\`.`,
    );
  }
  const loaded = loadManifest(file);
  if (!loaded.ok) throw loaded.error;
  const manifest = loaded.manifest;
  const refusesUndeclared = options.undeclared === 'refuse';
  const guarded = role === 'serve';
  const uninstall = guarded && options.workspaceRoot !== undefined ? installWorkspaceGuard(options.workspaceRoot) : undefined;
  return {
    role,
    manifest,
    decide(method, path) {
      const upper = method.toUpperCase();
      const declaration = classify(manifest, upper, path);
      const scope: RequestScope = { method: upper, path: stripQuery(path), declaration, manifestFile: manifest.file };
      if (!guarded) return { serve: true, scope };
      if (declaration === undefined ? !refusesUndeclared : declaration.role === 'fleet-ok') return { serve: true, scope };
      return {
        serve: false,
        scope,
        status: 421,
        headers: { 'Content-Type': 'application/json', 'X-Fleet-Route-Role': declaration?.role ?? 'undeclared' },
        body: misdirected(scope),
      };
    },
    close() {
      uninstall?.();
    },
  };
}

function stripQuery(path: string): string {
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/** The 421 body: what was refused, why, where it is declared, and what to do. */
function misdirected(scope: RequestScope): string {
  const { declaration } = scope;
  const what =
    declaration === undefined ? 'is not declared in the route manifest' : `is ide-only (${declaration.reason ?? 'no reason given'})`;
  return JSON.stringify({
    error: 'Misdirected Request',
    message: `${scope.method} ${scope.path} ${what}, and this serve replica does not answer it; route it to the node that owns the workspace (FLEET_ROLE=ide).`,
    route:
      declaration === undefined
        ? { role: 'undeclared', declared: null }
        : {
            method: declaration.method,
            path: declaration.path,
            role: declaration.role,
            reason: declaration.reason ?? null,
            declared: whereDeclared(scope),
          },
  });
}
