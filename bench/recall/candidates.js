/**
 * Lists the lines of the given files that may hold a labelled site (a timer, a promise that may
 * float, a platform deferral, a spawn, a file read), with the category they would fall under, for
 * a person to read and label in bench/recall/labels.jsonl. A reading aid, not a detector: every
 * listed line is judged by reading the code around it, and sites it does not list (an un-awaited
 * call of a project function) are found by reading the whole handler.
 *
 *   node bench/recall/candidates.js <repository dir> <file>...
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const PATTERNS = [
  ['timer', /\b(setTimeout|setInterval|setImmediate|queueMicrotask|process\.nextTick)\s*\(/],
  [
    'floating',
    /\bvoid\s+[\w.(]|\.then\s*\(|\.catch\s*\(|\.finally\s*\(|\bwaitUntil\s*\(|\bafter\s*\(|\b(spawn|exec|execFile|fork)\s*\(|new\s+Worker\s*\(|Promise\.(all|allSettled|race)\s*\(/,
  ],
  [
    'fs',
    /\b(readFile|readFileSync|readdir|readdirSync|stat|statSync|lstat|lstatSync|exists|existsSync|access|accessSync|createReadStream|pathExists|readJson|opendir|realpath|glob|globSync|sendFile|download|sendfile|Bun\.file)\s*\(|\bsend\s*\(\s*ctx/,
  ],
];

const [dir, ...files] = process.argv.slice(2);
for (const file of files) {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  lines.forEach((text, index) => {
    for (const [category, pattern] of PATTERNS) {
      if (pattern.test(text)) process.stdout.write(`${file}:${index + 1} [${category}] ${text.trim().slice(0, 140)}\n`);
    }
  });
}
