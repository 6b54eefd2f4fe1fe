import { TaskInputError } from './errors.js';
import { resolvePolicy, type ResolvedPolicy, type TaskPolicy } from './policy.js';
import type { InferInput, InferOutput, StandardSchemaV1 } from './standard-schema.js';

/** Default `maxPayloadBytes`: 1 MiB. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1_048_576;

/** How one task is declared in {@link defineTasks}. */
export interface TaskDeclaration<S extends StandardSchemaV1 = StandardSchemaV1> {
  /** Validator of the payload (any Standard Schema: zod, valibot, arktype…). */
  schema: S;
  /** Stored task name. Default: the key in `defineTasks`. Keep it stable: queued rows refer to it. */
  name?: string;
  policy?: TaskPolicy;
  /** Allow string values under secret-like keys (`password`, `apiKey`…). Default false. */
  allowSecretLikeKeys?: boolean;
  /**
   * Largest payload `enqueue` accepts, in bytes of its JSON (UTF-8). Default 1 MiB (1 048 576).
   * Payloads are read on every claim and kept until purged: pass big data by reference (a blob key).
   */
  maxPayloadBytes?: number;
}

/** A declared task: its name, schema and resolved policy. */
export interface TaskDefinition<Input = unknown, Output = unknown> {
  readonly name: string;
  readonly schema: StandardSchemaV1<Input, Output>;
  readonly policy: ResolvedPolicy;
  readonly allowSecretLikeKeys: boolean;
  /** See `TaskDeclaration.maxPayloadBytes`. */
  readonly maxPayloadBytes: number;
}

/** What `TaskSpec.X(payload)` returns and `enqueue` accepts: a task name with its (unvalidated) payload. */
export interface TaskRequest<Input = unknown, Output = unknown> {
  readonly definition: TaskDefinition<Input, Output>;
  readonly payload: Input;
}

/** `TaskSpec.X`: call it with a payload; `.definition` describes the task. */
export interface TaskFactory<Input = unknown, Output = unknown> {
  (payload: Input): TaskRequest<Input, Output>;
  readonly definition: TaskDefinition<Input, Output>;
}

/** The object `defineTasks` returns. */
export type TaskSpecs<D extends Record<string, TaskDeclaration>> = {
  readonly [K in keyof D]: TaskFactory<InferInput<D[K]['schema']>, InferOutput<D[K]['schema']>>;
};

/**
 * Declare the task variants of an app:
 * ```ts
 * export const TaskSpec = defineTasks({ SendEmail: { schema: z.object({ to: z.string(), tokenRef: z.string() }) } });
 * await enqueue(TaskSpec.SendEmail({ to, tokenRef }));
 * ```
 * Names must be unique; the payload is validated by `enqueue` (validators may be async).
 */
export function defineTasks<const D extends Record<string, TaskDeclaration>>(declarations: D): TaskSpecs<D> {
  const names = new Map<string, string>();
  const specs: Record<string, TaskFactory> = {};
  for (const [key, declaration] of Object.entries(declarations)) {
    const name = declaration.name ?? key;
    // Checked at run time too: JavaScript callers get no compile-time check.
    const standard = (declaration.schema as Partial<StandardSchemaV1> | undefined)?.['~standard'];
    if (typeof standard?.validate !== 'function') {
      throw new TaskInputError(
        `Task ${key}: \`schema\` is not a Standard Schema validator (no \`~standard.validate\`); pass a zod, valibot or arktype schema.`,
      );
    }
    if (!/^[\w.:-]{1,200}$/.test(name)) {
      throw new TaskInputError(`Task ${key}: name ${JSON.stringify(name)} must be 1–200 letters, digits, \`_ . : -\`.`);
    }
    const clash = names.get(name);
    if (clash !== undefined)
      throw new TaskInputError(`Tasks ${clash} and ${key} share the name ${JSON.stringify(name)}; task names must be unique.`);
    names.set(name, key);
    const definition: TaskDefinition = {
      name,
      schema: declaration.schema,
      policy: resolvePolicy(name, declaration.policy),
      allowSecretLikeKeys: declaration.allowSecretLikeKeys ?? false,
      maxPayloadBytes: declaration.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    };
    if (!Number.isInteger(definition.maxPayloadBytes) || definition.maxPayloadBytes < 1) {
      throw new TaskInputError(
        `Task ${key}: maxPayloadBytes is ${String(definition.maxPayloadBytes)}; it must be a positive integer (bytes).`,
      );
    }
    specs[key] = Object.assign((payload: unknown): TaskRequest => ({ definition, payload }), { definition });
  }
  return specs as TaskSpecs<D>;
}

/** All definitions of a `defineTasks` result, by stored task name. */
export function definitionsOf(specs: AnyTaskSpecs): Map<string, TaskDefinition> {
  return new Map(Object.values(specs).map((factory) => [factory.definition.name, factory.definition as TaskDefinition]));
}

/**
 * Any `defineTasks` result. `any` is deliberate: a factory's input type is invariant (it is both
 * accepted by the call and carried by the schema), so no narrower type accepts every task set.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTaskSpecs = Record<string, TaskFactory<any, any>>;
