/** Runs the built CLI over one repository (or reads a saved run) and returns its findings and routes. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

function run(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr, wallMs: performance.now() - started }));
  });
}

/**
 * `{ fleet, dir, name, types, routes, save?, from? }` → `{ findings, routes, crashes, wallMs }`;
 * files are relative to `dir`, with `/` separators.
 */
export async function runFleet({ fleet, dir, name, types, routes, save, from }) {
  const crashes = [];
  let scan;
  let inventory;
  if (typeof from === 'string') {
    scan = { stdout: await readFile(path.join(from, `${name}.json`), 'utf8'), stderr: '', exitCode: 0, wallMs: 0 };
    const routesFile = path.join(from, `${name}.routes.json`);
    inventory = routes && existsSync(routesFile) ? { stdout: await readFile(routesFile, 'utf8'), exitCode: 0 } : undefined;
  } else {
    scan = await run([fleet, 'scan', dir, '--format', 'json', '--no-progress', ...(types ? [] : ['--no-types'])]);
    inventory = routes ? await run([fleet, 'routes', dir, '--format', 'json']) : undefined;
    if (typeof save === 'string') {
      await writeFile(path.join(save, `${name}.json`), scan.stdout);
      if (inventory) await writeFile(path.join(save, `${name}.routes.json`), inventory.stdout);
    }
  }
  const rel = (file) => path.relative(dir, path.resolve(dir, file)).split(path.sep).join('/');
  const findings = [];
  try {
    for (const result of JSON.parse(scan.stdout)) {
      for (const m of result.messages) {
        if (m.fatal) crashes.push({ kind: 'fatal', file: rel(result.filePath), line: m.line, detail: m.message });
        else if (m.ruleId)
          findings.push({ file: rel(result.filePath), line: m.line, ruleId: m.ruleId, messageId: m.messageId, message: m.message });
      }
    }
  } catch {
    crashes.push({ kind: 'no-json-output', detail: scan.stderr.slice(-1000) });
  }
  if (scan.exitCode === 2) crashes.push({ kind: 'exit 2', detail: scan.stderr.slice(-1000) });
  const listed = [];
  if (inventory) {
    try {
      for (const r of JSON.parse(inventory.stdout).routes)
        listed.push({ file: rel(r.file), line: r.line, message: `${r.method} ${r.pattern ?? r.rawPath}` });
    } catch {
      crashes.push({ kind: 'routes: no-json-output', detail: inventory.stderr?.slice(-1000) ?? '' });
    }
  }
  return { findings, routes: listed, crashes, wallMs: scan.wallMs + (inventory?.wallMs ?? 0) };
}
