/**
 * Markdown summary of a lint-suite result (the tables `docs/performance.md` quotes).
 * @param {any} r the lint suite's result object
 * @returns {string}
 */
export function lintSummary(r) {
  const s = (ms) => (ms / 1000).toFixed(2);
  const out = [];
  out.push(
    `Synthetic backend: ${r.synthetic.files} files, ${r.synthetic.lines} lines (seed ${r.synthetic.seed}); Node ${r.node}; ${r.date}`,
  );
  out.push('');
  out.push(
    '| mode | lint s (median) | each run, lint s | lint CPU s (median) | each run, CPU s | process wall s (median) | peak RSS MiB (max) | load avg (1 min) at start |',
  );
  out.push('|---|---|---|---|---|---|---|---|');
  for (const [mode, runs] of Object.entries(r.runs)) {
    const rss = Math.max(...runs.map((t) => t.maxRssKiB)) / 1024;
    out.push(
      `| ${mode} | ${s(r.medians[mode].lintMs)} | ${runs.map((t) => s(t.lintMs)).join(', ')} | ${s(r.medians[mode].lintCpuMs)} | ${runs.map((t) => s(t.lintCpuMs)).join(', ')} | ${s(r.medians[mode].wallMs)} | ${Math.round(rss)} | ${runs.map((t) => t.load?.[0]?.toFixed(1) ?? '?').join(', ')} |`,
    );
  }
  out.push('');
  // `1.0`, not `1`: targets are ratios.
  const shown = (target) => (Number.isInteger(target) ? target.toFixed(1) : String(target));
  const verdict = (value, target, source = '') =>
    `${value.toFixed(3)}× (${source === '' ? '' : `${source} `}target ≤ ${shown(target)}×: ${value <= target ? 'met' : 'MISSED'})`;
  const threeRules = r.targets.recommendedThreeRulesVsParser;
  const issue3 =
    threeRules === undefined
      ? ''
      : ` (issue 3 target for three rules ≤ ${threeRules}×: ${r.ratios.recommendedVsParser <= threeRules ? 'met' : 'MISSED'})`;
  out.push(
    `- recommended / parser: ${verdict(r.ratios.recommendedVsParser, r.targets.recommendedVsParser)}${issue3}; on CPU time ${r.cpuRatios.recommendedVsParser.toFixed(3)}×`,
  );
  out.push(
    `- recommended-type-checked / no-floating-promises: ${verdict(r.ratios.typeCheckedVsNfp, r.targets.typeCheckedVsNfp, 'issue 8 §5')}; on CPU time ${r.cpuRatios.typeCheckedVsNfp.toFixed(3)}×`,
  );
  if (r.ratios.noopRuleVsParser !== undefined && r.ratios.recommendedVsNoopRule !== undefined) {
    out.push(
      `- ESLint's own cost of any rule, one no-op rule / parser: ${r.ratios.noopRuleVsParser.toFixed(3)}×, on CPU time ${r.cpuRatios.noopRuleVsParser.toFixed(3)}× (no target); recommended / no-op rule (Fleet's own cost): ${r.ratios.recommendedVsNoopRule.toFixed(3)}×, on CPU time ${r.cpuRatios.recommendedVsNoopRule.toFixed(3)}×`,
    );
  }
  out.push('');
  out.push('Per-rule time (warm-up round, ESLint `stats: true`; parse time includes the TypeScript program build in type-aware modes):');
  out.push('');
  out.push('| mode | parse s | rule | rule s |');
  out.push('|---|---|---|---|');
  for (const [mode, stats] of Object.entries(r.stats)) {
    if (!stats) continue;
    const ruleTotal = Object.values(stats.ruleMs).reduce((a, b) => a + b, 0);
    if (ruleTotal > 0)
      out.push(
        `| ${mode} | ${s(stats.parseMs)} | (all rules: ${((ruleTotal / stats.parseMs) * 100).toFixed(1)} % of parse) | ${s(ruleTotal)} |`,
      );
    const rules = Object.entries(stats.ruleMs).sort((a, b) => b[1] - a[1]);
    if (rules.length === 0) out.push(`| ${mode} | ${s(stats.parseMs)} | (none) | |`);
    for (const [rule, ms] of rules) out.push(`| ${mode} | ${s(stats.parseMs)} | ${rule} | ${s(ms)} |`);
  }
  out.push('');
  out.push('Findings against the seeded hazards:');
  out.push('');
  out.push('| mode | seeded | found | false positives | by kind (found/seeded) |');
  out.push('|---|---|---|---|---|');
  for (const [mode, a] of Object.entries(r.accuracy)) {
    const kinds = Object.entries(a.byKind)
      .map(([k, v]) => `${k} ${v.found}/${v.seeded}`)
      .join(', ');
    out.push(`| ${mode} | ${a.seeded} | ${a.found} | ${a.falsePositives.length} | ${kinds} |`);
  }
  const fatal = Object.entries(r.fatal).filter(([, list]) => list.length > 0);
  if (fatal.length > 0) out.push('', `Parse failures: ${fatal.map(([m, l]) => `${m}: ${l.length}`).join(', ')}`);
  return out.join('\n');
}
