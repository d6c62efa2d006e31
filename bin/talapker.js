#!/usr/bin/env node
// The `talapker` command. TypeScript runs through tsx, so a fresh checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
