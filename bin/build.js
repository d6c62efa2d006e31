#!/usr/bin/env node
// Builds the JavaScript that `npm start` and `npx talapker` run (run by `prepare` on install): tsc emits
// src/ into dist/ without type-checking (the lint step checks types), and the files the code reads at
// run time beside itself (the stylesheet, browser scripts) are copied next to it. Tests and development
// run the TypeScript directly through tsx.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });

// The worker's plain-JS entry only exists to load TypeScript through tsx; in dist/ the compiled worker
// has that very name.
// Markdown is content too (the training courses' lessons); only the folders' own READMEs stay behind.
const SOURCE_ONLY = new Set(['.ts', '.tsx']);
for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || SOURCE_ONLY.has(extname(entry.name)) || entry.name.endsWith('.worker.js')) continue;
  if (entry.name === 'README.md') continue;
  const from = join(entry.parentPath, entry.name);
  cpSync(from, join(root, 'dist', from.slice(join(root, 'src').length)));
}
process.stdout.write(`talapker: built dist/ in ${Math.round(performance.now() - started)} ms\n`);

// The demo, built once here rather than in the serving process: the first `npm start` on an empty data
// folder copies dist/demo-data into place and serves at once. TALAPKER_BUILD_DEMO=0 skips it.
if (process.env.TALAPKER_BUILD_DEMO !== '0') {
  const demoStarted = performance.now();
  process.stdout.write('talapker: building the demo data (dist/demo-data)…\n');
  const env = {
    ...process.env,
    TALAPKER_DATA_DIR: join(root, 'dist', 'demo-data'),
    DATABASE_URL: '',
    TALAPKER_S3_BUCKET: '',
  };
  execFileSync(process.execPath, [join(root, 'bin', 'talapker.js'), 'demo'], { stdio: 'inherit', cwd: root, env });
  process.stdout.write(`talapker: built the demo in ${Math.round(performance.now() - demoStarted)} ms\n`);
}
