/**
 * Compares Fleet findings on the synthetic backend with the hazards the generator seeded.
 * A seeded hazard counts as found when a finding of `ruleId` sits on its line; any other finding
 * of that rule is a false positive (the generator writes correct code everywhere else). Other
 * rules (e.g. the route-manifest rules, which have no manifest here) are not judged.
 *
 * @param {Record<string, { kind: string, line: number }[]>} seeded by relative file path
 * @param {{ file: string, line: number, ruleId: string, messageId?: string }[]} findings
 * @param {string} [ruleId] default `fleet/no-floating-work-in-handler`
 * @returns {{ seeded: number, found: number, byKind: Record<string, { seeded: number, found: number }>,
 *   falsePositives: { file: string, line: number, messageId?: string }[] }}
 */
export function compareFindings(seeded, findings, ruleId = 'fleet/no-floating-work-in-handler') {
  const fleet = findings.filter((f) => f.ruleId === ruleId);
  const at = new Set(fleet.map((f) => `${f.file}:${f.line}`));
  const expected = new Set();
  const byKind = {};
  let total = 0;
  let found = 0;
  for (const [file, hazards] of Object.entries(seeded)) {
    for (const { kind, line } of hazards) {
      const key = `${file}:${line}`;
      expected.add(key);
      const entry = (byKind[kind] ??= { seeded: 0, found: 0 });
      entry.seeded += 1;
      total += 1;
      if (at.has(key)) {
        entry.found += 1;
        found += 1;
      }
    }
  }
  const falsePositives = fleet
    .filter((f) => !expected.has(`${f.file}:${f.line}`))
    .map(({ file, line, messageId }) => ({ file, line, messageId }));
  return { seeded: total, found, byKind, falsePositives };
}
