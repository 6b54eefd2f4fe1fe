/**
 * Every `npx fleet …` command quoted in rule messages, CLI notes, the README and the docs must
 * exist: the command, the codemod name, and each `--flag` in that command's help.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODEMODS } from '../../src/cli/codemod.js';
import { commands } from '../../src/cli/main.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => path.join(dir, file));
}

/** `file: npx fleet …` for each quote, up to the closing backtick or the end of the line. */
function quotedCommands(): { file: string; command: string }[] {
  const files = ['README.md', ...sources('docs', /\.md$/), ...sources('rules', /\.ts$/), ...sources('src', /\.ts$/)];
  return files.flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/npx fleet ([^`\n#|]+)/g)].map((match) => ({
      file,
      command: match[1]!.trim(),
    })),
  );
}

describe('quoted `npx fleet` commands', () => {
  const quotes = quotedCommands();

  it('finds the quotes (rule messages, README, docs)', () => {
    expect(
      quotes.some(
        (quote) => quote.file === 'rules/no-floating-work-in-handler.ts' && quote.command.startsWith('codemod spawn-to-taskspec'),
      ),
    ).toBe(true);
    expect(quotes.some((quote) => quote.file === 'docs/codemods/spawn-to-taskspec.md')).toBe(true);
  });

  it('names existing commands, codemods and flags', () => {
    const missing = quotes.flatMap(({ file, command }) => {
      const [name, ...rest] = command.split(/\s+/);
      const entry = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
      if (!entry) return [`${file}: npx fleet ${command} (no command "${String(name)}")`];
      if (name === 'codemod' && !(CODEMODS as readonly string[]).includes(rest[0] ?? ''))
        return [`${file}: npx fleet ${command} (no codemod "${String(rest[0])}")`];
      return rest
        .filter((word) => word.startsWith('--'))
        .filter((flag) => !entry.help.includes(flag.split('=')[0]!))
        .map((flag) => `${file}: npx fleet ${command} (no flag ${flag})`);
    });
    expect(missing).toEqual([]);
  });
});
