/**
 * The text that replaces a spawn site: `await enqueue(TaskSpec.X({ …fields }), { key, runAt })`.
 * Shared by the codemod's planner and the editor suggestion of `no-floating-work-in-handler`, so
 * both write the same call; no TypeScript or ts-morph here (the ESLint plugin loads this module).
 */

/** A payload field as the call site sees it. */
export interface CallField {
  readonly name: string;
  /** A string or number value: usable as the idempotency key when its name says it is an identity. */
  readonly scalar: boolean;
}

/** `userId`, `id`: the payload field whose value identifies the work, if any. */
export function identityField<T extends CallField>(fields: readonly T[]): T | undefined {
  return fields.find((field) => field.scalar && /(?:^id|Id)$/.test(field.name));
}

/** The call-site text; `delay` is a timer's delay expression, kept as `runAt`. */
export function enqueueCall(
  tasks: string,
  variant: string,
  fields: readonly CallField[],
  delay: string | undefined,
  enqueue = 'enqueue',
): string {
  const payload = fields.length > 0 ? `{ ${fields.map((field) => field.name).join(', ')} }` : '{}';
  const key = identityField(fields);
  const options = [...(key ? [`key: String(${key.name})`] : []), ...(delay ? [`runAt: ${delay}`] : [])];
  return `await ${enqueue}(${tasks}.${variant}(${payload})${options.length > 0 ? `, { ${options.join(', ')} }` : ''})`;
}

/** The variant a call is named after: `sendWelcomeEmail` → `SendWelcomeEmail`; `send-email` → `SendEmail`. */
export function variantName(callee: string): string {
  return callee.replace(/(?:^|[-_\s]+)([A-Za-z0-9])/g, (_, letter: string) => letter.toUpperCase()).replace(/[^\w$]/g, '');
}
