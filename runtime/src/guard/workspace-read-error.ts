import { describeRoute } from './describe-route.js';
import type { RequestScope } from './request-scope.js';

/** The lint rule a workspace read in a serve route breaks; named in every `WorkspaceReadError`. */
export const WORKSPACE_RULE = 'fleet/no-workspace-fs-in-serve-route';

/**
 * Thrown by the workspace guard (see `createRoleGuard({ workspaceRoot })`) when code running for a
 * request on a `serve` replica reads a file under the workspace root: the run-time twin of the
 * lint rule `no-workspace-fs-in-serve-route`.
 */
export class WorkspaceReadError extends Error {
  override readonly name = 'WorkspaceReadError';
  /** Always `EFLEETWORKSPACE`, so generic `fs` error handling does not mistake it for `ENOENT`. */
  readonly code = 'EFLEETWORKSPACE';
  /** The `fs` function that was called, e.g. `fs.promises.readFile`. */
  readonly call: string;
  /** The absolute path it was asked to read. */
  readonly path: string;
  readonly rule = WORKSPACE_RULE;

  constructor(scope: RequestScope, call: string, path: string, root: string) {
    super(
      `${describeRoute(scope)} called ${call} on ${path}, under the workspace root ${root}, on a serve replica, ` +
        `which breaks ${WORKSPACE_RULE}: serve replicas may not have the workspace; compile the artifact into the database and read it from there, or declare the route ide-only.`,
    );
    this.call = call;
    this.path = path;
  }
}
