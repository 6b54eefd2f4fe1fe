/**
 * What a process does in the fleet (`FLEET_ROLE`):
 * - `serve`: answers requests and enqueues; never claims tasks or ticks schedules.
 * - `worker`: drains the queue, ticks schedules, runs side tasks.
 * - `ide`: the stateful node that owns the workspace files; also drains.
 * - `all`: everything in one process (the embedded default).
 */
export type Role = 'serve' | 'worker' | 'ide' | 'all';

/** All roles. */
export const ROLES: readonly Role[] = ['serve', 'worker', 'ide', 'all'];

/** Read `FLEET_ROLE`; unset means `all`; an unknown value throws naming the accepted ones. */
export function readRole(value: string | undefined = process.env.FLEET_ROLE): Role {
  const role = value?.trim().toLowerCase() ?? '';
  if (role === '') return 'all';
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new Error(`FLEET_ROLE=${JSON.stringify(value)} is not a role; use one of ${ROLES.join(', ')} (unset means all).`);
}

/** Whether a role claims tasks, ticks schedules and runs side tasks: every role but `serve`. */
export function runsWorkers(role: Role): boolean {
  return role !== 'serve';
}
