/**
 * The Standard Schema interface (standardschema.dev), declared structurally so any validator that
 * implements it (zod ≥ 3.24, valibot ≥ 1, arktype, …) is accepted without a dependency on it.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** Result of a Standard Schema `validate`. */
export type StandardResult<Output> =
  { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly StandardIssue[] };

/** One validation issue. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/** Input type of a schema. */
export type InferInput<S> = S extends StandardSchemaV1<infer I, unknown> ? I : never;
/** Output type of a schema (what the executor receives). */
export type InferOutput<S> = S extends StandardSchemaV1<unknown, infer O> ? O : never;
