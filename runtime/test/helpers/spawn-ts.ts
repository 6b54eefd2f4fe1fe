import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const hooks = fileURLToPath(new URL('./ts-hooks.mjs', import.meta.url));

/** A child process running a TypeScript entry of the test suite, with its output collected. */
export interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Start `node <entry.ts> …args` with the TS hooks, on the same Node binary as the tests. */
export function spawnTs(entry: string, args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', hooks, entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) =>
    child.on('exit', (code) => {
      done(code);
    }),
  );
  return { process: child, output: () => text, exited };
}
