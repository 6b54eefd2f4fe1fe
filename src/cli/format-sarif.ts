/**
 * `fleet scan --format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF
 * consumers. One run; `tool.driver.rules` lists every rule that ran with its doc URL; each
 * result carries the shared fingerprint in `partialFingerprints`, so code scanning tracks a
 * finding across line shifts; with a baseline, results are `new` or `unchanged` and accepted
 * ones carry an external suppression. Parsing errors and crashes are tool notifications, and
 * make `executionSuccessful` false.
 */
import { pathToFileURL } from 'node:url';
import type { CiReport } from '../report/ci-report.js';
import type { Finding } from '../report/finding.js';
import { FINGERPRINT_VERSION } from '../report/fingerprint.js';
import { ruleInfo } from '../report/rule-info.js';
import { packageInfo } from '../package-info.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const ROOT_ID = '%SRCROOT%';

/** The SARIF log as pretty-printed JSON (with a final newline). */
export function formatSarif(report: CiReport): string {
  const { version } = packageInfo();
  const ruleIds = [
    ...new Set([...report.ruleIds, ...report.findings.filter((finding) => !finding.fatal).map((finding) => finding.ruleId)]),
  ].sort();
  const rules = ruleIds.map((id) => {
    const info = ruleInfo(id);
    return {
      id,
      name: id.replace(/^fleet\//, ''),
      shortDescription: { text: `${info.description}.` },
      fullDescription: { text: info.rationale },
      helpUri: info.helpUri,
      help: { text: `${info.rationale} See ${info.helpUri}`, markdown: `${info.rationale}\n\n[Rule documentation](${info.helpUri})` },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['fleet', 'reliability'] },
    };
  });
  const results = report.findings
    .filter((finding) => !finding.fatal)
    .map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: finding.severity,
      message: { text: finding.message },
      locations: [location(finding)],
      partialFingerprints: { [FINGERPRINT_VERSION]: finding.fingerprint },
      ...(report.baselined ? baselineFields(report.known.has(finding.fingerprint)) : {}),
    }));
  const notifications = report.findings
    .filter((finding) => finding.fatal)
    .map((finding) => ({
      level: 'error',
      message: { text: finding.message },
      locations: [location(finding)],
      descriptor: { id: finding.ruleId },
    }));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fleet', semanticVersion: version, informationUri: 'https://github.com/fleet-dev/fleet', rules } },
        invocations: [
          { executionSuccessful: notifications.length === 0, exitCode: report.exitCode, toolExecutionNotifications: notifications },
        ],
        originalUriBaseIds: { [ROOT_ID]: { uri: pathToFileURL(report.root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(finding: Finding) {
  const region = {
    startLine: finding.start.line,
    startColumn: finding.start.column,
    endLine: finding.end.line,
    endColumn: finding.end.column,
  };
  return { physicalLocation: { artifactLocation: { uri: encodeURI(finding.file), uriBaseId: ROOT_ID }, region } };
}

function baselineFields(known: boolean) {
  return known
    ? { baselineState: 'unchanged', suppressions: [{ kind: 'external', justification: 'Accepted in the Fleet baseline file.' }] }
    : { baselineState: 'new' };
}
