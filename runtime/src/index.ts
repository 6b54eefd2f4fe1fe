export { AdmissionControl, type Admission, type AdmissionOptions } from './admission/admission-control.js';
export { expressAdmission, fastifyAdmission, honoAdmission, koaAdmission, withAdmission } from './admission/middleware.js';
export { assertJsonSafe } from './assert-json-safe.js';
export { assertNoSecrets } from './assert-no-secrets.js';
export { connect, type ConnectOptions } from './connect.js';
export { defaultStore, resetDefaultStore, useStore } from './default-store.js';
export {
  defineTasks,
  definitionsOf,
  type AnyTaskSpecs,
  type TaskDeclaration,
  type TaskDefinition,
  type TaskFactory,
  type TaskRequest,
  type TaskSpecs,
} from './define-tasks.js';
export { createRoleGuard, type GuardDecision, type RoleGuard, type RoleGuardOptions } from './guard/role-guard.js';
export { expressRoleGuard, fastifyRoleGuard, honoRoleGuard, koaRoleGuard, withRoleGuard } from './guard/middleware.js';
export { currentRequestScope, type RequestScope } from './guard/request-scope.js';
export { WORKSPACE_RULE, WorkspaceReadError } from './guard/workspace-read-error.js';
export { enqueue, enqueueMany, toNewTask, type EnqueueOptions } from './enqueue.js';
export { NotYetError, RetryAfterError, TaskInputError, TerminalError } from './errors.js';
export { createFleet, type Fleet, type FleetOptions } from './fleet.js';
export type { JsonValue } from './json.js';
export { defaultLogger, type Logger } from './logger.js';
export { METRICS_CONTENT_TYPE, renderMetrics } from './metrics.js';
export {
  DEFAULT_SQLITE_PATH,
  openStore,
  parseDatabaseUrl,
  redactUrl,
  type PostgresSettings,
  type SqliteSettings,
  type StoreLocation,
  type StoreSettings,
} from './open-store.js';
export { backoffDelay, DEFAULT_POLICY, resolvePolicy, type ResolvedPolicy, type TaskPolicy } from './policy.js';
export { createPulse, type Pulse, type PulseOptions, type PulseResult } from './pulse/pulse.js';
export type { DrainCounts, DrainEnd } from './pulse/drain-batch.js';
export { retentionSideTask, type RetentionOptions } from './retention.js';
export { readRole, ROLES, runsWorkers, type Role } from './role.js';
export { defineSchedule, type ScheduleSpec } from './scheduler/define-schedule.js';
export { Scheduler, type SchedulerOptions } from './scheduler/scheduler.js';
export { runSideTask, type SideTask } from './side-task.js';
export type { InferInput, InferOutput, StandardSchemaV1 } from './standard-schema.js';
export * from './store.js';
export { createSqliteStore, type SqliteStoreOptions } from './stores/sqlite/index.js';
export { TaskAbortedError, type Executor, type Executors, type StepResult, type TaskContext } from './worker/task-context.js';
export { Worker, type StopOptions, type WorkerOptions } from './worker/worker.js';
export { DURATION_BUCKETS, WorkerMetrics } from './worker/worker-metrics.js';
