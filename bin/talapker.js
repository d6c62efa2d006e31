#!/usr/bin/env node
// The `talapker` command. Runs the JavaScript built into dist/ (by `npm install`'s prepare step) when it
// is at least as new as every source file; otherwise, in a checkout being edited, the TypeScript itself
// through tsx, so that nobody runs stale code.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function builtIsCurrent() {
  let built;
  try {
    built = statSync(new URL('dist/cli.js', root)).mtimeMs;
  } catch {
    return false;
  }
  const src = new URL('src/', root);
  for (const name of readdirSync(src, { recursive: true })) {
    if (statSync(new URL(name, src)).mtimeMs > built) return false;
  }
  return true;
}

let cli;
if (builtIsCurrent()) {
  cli = await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
