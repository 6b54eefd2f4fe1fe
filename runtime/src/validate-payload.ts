import { assertJsonSafe } from './assert-json-safe.js';
import { assertNoSecrets } from './assert-no-secrets.js';
import type { TaskDefinition } from './define-tasks.js';
import { TaskInputError } from './errors.js';
import type { JsonValue } from './json.js';

const pathOf = (path: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined): string =>
  (path ?? [])
    .map((part) => (typeof part === 'object' ? part.key : part))
    .map((key) => (typeof key === 'number' ? `[${String(key)}]` : `.${String(key)}`))
    .join('');

/**
 * Validate a payload with the task's schema, then check that the validated value is JSON-safe and
 * carries no secret-like strings. Returns the value to store (the schema's output).
 */
export async function validatePayload(definition: TaskDefinition, payload: unknown): Promise<JsonValue> {
  const result = await definition.schema['~standard'].validate(payload);
  if (result.issues !== undefined) {
    const detail = result.issues
      .slice(0, 5)
      .map((issue) => `payload${pathOf(issue.path)}: ${issue.message}`)
      .join('; ');
    throw new TaskInputError(`Invalid payload for task ${definition.name}: ${detail}.`);
  }
  const where = `Task ${definition.name}: payload`;
  assertJsonSafe(result.value, where);
  if (!definition.allowSecretLikeKeys) assertNoSecrets(result.value, where);
  const bytes = Buffer.byteLength(JSON.stringify(result.value));
  const max = definition.maxPayloadBytes;
  if (bytes > max) {
    throw new TaskInputError(
      `${where} is ${String(bytes)} bytes of JSON, over the task's limit of ${String(max)}; store the data elsewhere and pass a reference, or raise \`maxPayloadBytes\` on the task.`,
    );
  }
  return result.value;
}
