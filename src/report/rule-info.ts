/**
 * What a report says about a rule beyond its findings: the one-line description, a paragraph on
 * why it matters (the first paragraph of its doc, which ships in the package) and the doc URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { packageRoot } from '../package-info.js';
import { PARSE_ERROR_RULE } from './finding.js';

/** A rule as reports describe it. */
export interface RuleInfo {
  /** `fleet/<rule>` or `parse-error`. */
  readonly id: string;
  /** One line, from `meta.docs.description`. */
  readonly description: string;
  /** Why it matters: the first paragraph of the rule's doc (the description when there is none). */
  readonly rationale: string;
  /** The rule's documentation page. */
  readonly helpUri: string;
}

const DOC_HEADER_END = '<!-- end auto-generated rule header -->';
const cache = new Map<string, RuleInfo>();

/** Information on `ruleId` (with the `fleet/` prefix, or `parse-error`). */
export function ruleInfo(ruleId: string): RuleInfo {
  const cached = cache.get(ruleId);
  if (cached) return cached;
  const info = ruleId === PARSE_ERROR_RULE ? parseErrorInfo() : fleetRuleInfo(ruleId);
  cache.set(ruleId, info);
  return info;
}

function fleetRuleInfo(ruleId: string): RuleInfo {
  const name = ruleId.replace(/^fleet\//, '');
  const docs = Object.hasOwn(rules, name) ? rules[name]!.meta.docs : undefined;
  const description = docs?.description ?? ruleId;
  return {
    id: ruleId,
    description,
    rationale: firstParagraph(path.join(packageRoot(), 'docs', 'rules', `${name}.md`)) ?? `${description}.`,
    helpUri: docs?.url ?? `https://github.com/fleet-dev/fleet/blob/main/docs/rules/${name}.md`,
  };
}

function parseErrorInfo(): RuleInfo {
  return {
    id: PARSE_ERROR_RULE,
    description: 'The file could not be parsed (or a rule crashed on it), so it was not checked',
    rationale: 'Fleet could not check this file: fix the syntax error, or report the crash with the file that triggers it.',
    helpUri: 'https://github.com/fleet-dev/fleet/blob/main/README.md',
  };
}

/** The first prose paragraph after the generated header, on one line; `undefined` without a doc. */
function firstParagraph(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const body = text.includes(DOC_HEADER_END) ? text.slice(text.indexOf(DOC_HEADER_END) + DOC_HEADER_END.length) : text;
  const paragraph = body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block !== '' && !block.startsWith('#'));
  return paragraph?.replace(/\s*\n\s*/g, ' ');
}
