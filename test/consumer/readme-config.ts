/**
 * Reads the lint configs a user copies from README.md: each is the first code block after a
 * `<!-- consumer-test: <name> -->` marker, so the tests lint with exactly what the README says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './consumer-project.js';

/** The code of the first ```lang block after the README marker `<!-- consumer-test: name -->`. */
export function readmeConfig(name: string, lang = 'js'): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const marker = `<!-- consumer-test: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no \`${marker}\` block`);
  const block = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(readme.slice(at));
  if (!block) throw new Error(`README.md has no \`\`\`${lang} block after \`${marker}\``);
  return block[1]!;
}

/** One ESLint finding, as `file:line rule`, relative to the project. */
export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string | null;
}

interface EslintJsonResult {
  readonly filePath: string;
  readonly messages: readonly {
    readonly ruleId: string | null;
    readonly line: number;
    readonly fatal?: boolean;
    readonly message: string;
  }[];
}

/** Parses `eslint --format json` output into findings, sorted by file, line and rule. */
export function findingsOf(json: string, root: string): Finding[] {
  const results = JSON.parse(json) as EslintJsonResult[];
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(root, result.filePath).split(path.sep).join('/'),
        line: message.line,
        rule: message.fatal ? `fatal: ${message.message}` : message.ruleId,
      })),
    )
    .sort(byPosition);
}

/** Orders findings by file, line, then rule, so two hosts' lists compare as arrays. */
export function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || String(a.rule).localeCompare(String(b.rule));
}

/** The relative link targets of a Markdown document (no scheme, no pure `#anchor`), without anchors. */
export function relativeLinks(markdown: string): string[] {
  const targets: string[] = [];
  for (const match of markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    targets.push(target.split('#')[0]!);
  }
  return targets;
}
