/**
 * The labelled recall set: one JSON object per line of bench/recall/labels.jsonl,
 * `{ repo, commit, file, line, category, label, why, framework? }` (see README.md).
 */
import { readFile } from 'node:fs/promises';

/** Label categories, each scored as one rule. */
export const CATEGORIES = ['floating', 'timer', 'fs', 'route'];
/** Labels that Fleet must report (hazards) or list (routes). */
export const POSITIVE = new Set(['violation', 'route']);
const LABELS = { floating: ['violation', 'ok'], timer: ['violation', 'ok'], fs: ['violation', 'ok'], route: ['route', 'not-route'] };

/** Which labelled category a `fleet scan` finding falls under. */
export function categoryOf(finding) {
  if (finding.ruleId === 'fleet/no-workspace-fs-in-serve-route') return 'fs';
  if (finding.ruleId === 'fleet/no-floating-work-in-handler')
    return finding.messageId === 'timer' || finding.messageId === 'timerInHelper' ? 'timer' : 'floating';
  return finding.ruleId ?? 'none';
}

/** Reads and validates the labels; a bad line is an error naming the line and what to write. */
export async function readLabels(file, repos) {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const labels = [];
  const seen = new Set();
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let label;
    try {
      label = JSON.parse(text);
    } catch (error) {
      throw new Error(`${where}: not JSON (${error.message}); write one object per line.`);
    }
    const repo = repos.find((r) => r.name === label.repo);
    if (!repo) throw new Error(`${where}: repo "${label.repo}" is not in bench/repos.json; add it there first.`);
    if (label.commit !== repo.commit)
      throw new Error(`${where}: commit ${label.commit} is not the pinned ${repo.commit} of ${label.repo}; re-label at the pinned commit.`);
    if (typeof label.file !== 'string' || !Number.isInteger(label.line) || label.line < 1)
      throw new Error(`${where}: needs "file" (relative to the repository) and a positive integer "line".`);
    const allowed = LABELS[label.category];
    if (!allowed) throw new Error(`${where}: category "${label.category}" is not one of ${CATEGORIES.join(', ')}.`);
    if (!allowed.includes(label.label))
      throw new Error(`${where}: label "${label.label}" is not one of ${allowed.join(', ')} for category ${label.category}.`);
    if (typeof label.why !== 'string' || label.why.length < 8) throw new Error(`${where}: "why" needs a one-line reason.`);
    const key = `${label.repo} ${label.file}:${label.line} ${label.category}`;
    if (seen.has(key)) throw new Error(`${where}: ${key} is labelled twice; keep one.`);
    seen.add(key);
    labels.push(label);
  });
  return labels;
}
