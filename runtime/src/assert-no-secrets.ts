import { TaskInputError } from './errors.js';

// Names whose string value is almost certainly a credential. `tokenRef`, `secretId`, `passwordHash`
// do not match: the rule looks at how the key ENDS, and references end in Ref/Id/Name/etc.
const SECRET_KEY = /(password|passwd|passphrase|secret|token|apikey|privatekey|credentials?)$/;

/**
 * Refuse payloads that carry a credential as a string under a secret-like key (`password`,
 * `apiKey`, `accessToken`, `clientSecret`, …). Payloads are stored in plain text, listed by the CLI
 * and shown in dashboards; they must carry a reference (`tokenRef`) that the executor resolves.
 * Opt out per task with `allowSecretLikeKeys: true`.
 */
export function assertNoSecrets(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    value.forEach((element, index) => {
      assertNoSecrets(element, `${where}[${String(index)}]`);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const path = `${where}.${key}`;
    if (typeof child === 'string' && child !== '' && SECRET_KEY.test(key.toLowerCase().replace(/[_-]/g, ''))) {
      throw new TaskInputError(
        `${path} looks like a secret; payloads are stored and shown in plain text. Store the secret elsewhere and pass a reference (e.g. \`${key}Ref\`), or set \`allowSecretLikeKeys: true\` on the task if this is not a secret.`,
      );
    }
    assertNoSecrets(child, path);
  }
}
