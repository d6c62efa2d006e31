// Runs once before all test files: builds the demo template that test/support/demo-template.ts copies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoTemplate, TEMPLATE_ENV } from './demo-template.ts';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-demo-template-'));
  await buildDemoTemplate(dir);
  process.env[TEMPLATE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
