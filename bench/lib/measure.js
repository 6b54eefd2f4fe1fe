import { spawn } from 'node:child_process';

/**
 * Runs a Node script in a fresh process with the same (pinned) Node binary and parses the JSON
 * object it prints last on stdout. Also records the wall time seen from outside, which includes
 * process start-up and module loading.
 * @param {string} script absolute path
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ wallMs: number, result: any, stderr: string }>}
 */
export function runNode(script, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve({ wallMs, result: JSON.parse(last), stderr });
      } catch {
        reject(new Error(`${script} ${args.join(' ')} exited ${code} without a JSON result.\nstderr:\n${stderr.slice(-4000)}`));
      }
    });
  });
}

/** Median of a non-empty list of numbers. */
export function median(values) {
  if (values.length === 0) throw new Error('median: no values.');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
