/**
 * `new ESLint(...)` without ESLint's `.eslintignore` warning. ESLint warns about a legacy
 * `.eslintignore` in its `cwd` whatever the options; a scan never reads the user's ESLint setup
 * (our own discovery honours `.gitignore`), so the warning would only mislead. Every ESLint
 * instance the CLI makes (the linter, the JSON formatter) goes through here. Other warnings pass.
 */
import { ESLint } from 'eslint';

/** An ESLint instance created with the `.eslintignore` warning filtered out. */
export function quietEslint(options: ESLint.Options): ESLint {
  const original = process.emitWarning.bind(process);
  const emitWarning = original as (...args: unknown[]) => void;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const first = rest[0];
    const type = typeof first === 'string' ? first : (first as { type?: unknown } | undefined)?.type;
    if (type === 'ESLintIgnoreWarning') return;
    emitWarning(warning, ...rest);
  };
  try {
    return new ESLint(options);
  } finally {
    process.emitWarning = original;
  }
}
