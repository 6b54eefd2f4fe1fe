/**
 * The one fingerprint of a finding, shared by SARIF (`partialFingerprints`), the baseline file and
 * the review bot's hidden comment markers, so a finding keeps one identity everywhere.
 *
 * It hashes what the finding *is*, never where it sits: the rule, the file, the flagged source
 * text with every whitespace character removed (so re-indenting, re-wrapping or inserting lines
 * above leaves it unchanged), the message with numbers masked, and the occurrence index among
 * findings that are otherwise identical in the same file (two identical `void send()` in one
 * handler stay two fingerprints). Renaming the file or editing the flagged code gives a new one.
 */
import { createHash } from 'node:crypto';

/** What the fingerprint is computed from; see the module comment. */
export interface FingerprintInput {
  /** `fleet/<rule>` or `parse-error`. */
  readonly ruleId: string;
  /** Path relative to the scan root, with `/` separators. */
  readonly file: string;
  /** The flagged source text (the reported range, or its line when the report has no range). */
  readonly text: string;
  readonly message: string;
}

/** Version prefix of the fingerprint scheme: a change of scheme must not silently match old ones. */
export const FINGERPRINT_VERSION = 'fleet/v1';

/** The finding's identity without its occurrence index; equal keys are told apart by order. */
export function fingerprintKey(input: FingerprintInput): string {
  return [input.ruleId, input.file, compact(input.text), maskNumbers(input.message)].join('\u0000');
}

/** The fingerprint of the `occurrence`-th (0-based, in file order) finding with this key. */
export function fingerprintOf(key: string, occurrence: number): string {
  return createHash('sha256').update(`${FINGERPRINT_VERSION}\u0000${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

/** The text with all whitespace removed. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Messages sometimes quote line numbers or counts; those move with unrelated edits. */
function maskNumbers(message: string): string {
  return message.replace(/\s+/g, ' ').replace(/\d+/g, '#').trim();
}
