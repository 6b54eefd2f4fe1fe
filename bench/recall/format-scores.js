/** Markdown tables of a recall score (the shape `score()` returns). */
const RULES = {
  floating: 'no-floating-work-in-handler (floating work)',
  timer: 'no-floating-work-in-handler (timers)',
  fs: 'no-workspace-fs-in-serve-route (local-disk reads)',
  route: 'route inventory (`fleet routes`)',
};

const fmt = (x) => (x === null ? '—' : x.toFixed(2));

export function formatScores({ scores, counts, repositories, misses, falsePositives, unscored, crashes }) {
  const out = [
    `Labelled repositories: ${repositories}; crashes: ${crashes.length}.`,
    '',
    '| rule | labels (positive) | TP | FN | FP | precision | recall |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const [category, title] of Object.entries(RULES)) {
    const s = scores[`rule:${category}`] ?? { tp: 0, fn: 0, fp: 0, precision: null, recall: null };
    out.push(
      `| ${title} | ${counts[category].labels} (${counts[category].positive}) | ${s.tp} | ${s.fn} | ${s.fp} | ${fmt(s.precision)} | ${fmt(s.recall)} |`,
    );
  }
  const all = scores.all;
  if (all) out.push(`| **all** | | ${all.tp} | ${all.fn} | ${all.fp} | ${fmt(all.precision)} | ${fmt(all.recall)} |`);
  out.push('', '| framework | TP | FN | FP | precision | recall |', '|---|---:|---:|---:|---:|---:|');
  for (const [group, s] of Object.entries(scores)) {
    if (group.startsWith('framework:'))
      out.push(`| ${group.slice('framework:'.length)} | ${s.tp} | ${s.fn} | ${s.fp} | ${fmt(s.precision)} | ${fmt(s.recall)} |`);
  }
  out.push('', `Misses (${misses.length}):`);
  for (const m of misses) out.push(`- ${m.repo} ${m.file}:${m.line} [${m.category}] ${m.why}`);
  out.push('', `False positives (${falsePositives.length}):`);
  for (const f of falsePositives) out.push(`- ${f.repo} ${f.file}:${f.line} [${f.category}] ${f.why} — ${f.message.slice(0, 120)}`);
  out.push('', `Findings outside the labelled files (not scored): ${unscored.length}`);
  for (const f of unscored) out.push(`- ${f.repo} ${f.file}:${f.line} [${f.category}] ${f.message.slice(0, 120)}`);
  for (const c of crashes) out.push(`- crash ${c.repo} ${c.kind} ${c.file ?? ''}:${c.line ?? ''} ${String(c.detail).split('\n')[0]}`);
  return out.join('\n');
}
