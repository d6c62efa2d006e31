// The demo, loaded once per test run: vitest's global setup builds it into a template folder
// (SQLite file + blobs) and each test that needs a demo gets its own copy, instead of every
// file generating and loading thousands of candidates, reports and statements again.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/platform/config.ts';
import { openApp } from '../../src/platform/bootstrap.ts';
import type { AppContext } from '../../src/platform/app-context.ts';

export const TEMPLATE_ENV = 'TALAPKER_TEST_DEMO_TEMPLATE';

/** Builds the full demo into `dir` and closes the database, so the files can be copied. */
export async function buildDemoTemplate(dir: string): Promise<void> {
  const { loadDemo } = await import('../../src/demo/demo-loader.service.ts');
  const { CAPABILITIES } = await import('../../src/capabilities.ts');
  const ctx = await openApp(loadConfig({ TALAPKER_DATA_DIR: dir }));
  await loadDemo(ctx, CAPABILITIES);
  await ctx.db.destroy();
}

const TEST_IDENTITY_KEY = 'talapker-tests-identity-key-not-for-production';

/** A fresh data folder holding the demo, and the app opened on it. */
export async function openDemoApp(
  env: Record<string, string> = {},
  prefix = 'talapker-test-',
): Promise<{ ctx: AppContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // A fixed identity key, so that donor and payee addresses are the same from run to run (snapshots).
  env = { TALAPKER_IDENTITY_KEY: TEST_IDENTITY_KEY, ...env };
  const template = process.env[TEMPLATE_ENV];
  if (template) {
    cpSync(template, dir, { recursive: true });
    return { ctx: await openApp(loadConfig({ TALAPKER_DATA_DIR: dir, ...env })), dir };
  }
  await buildDemoTemplate(dir);
  return { ctx: await openApp(loadConfig({ TALAPKER_DATA_DIR: dir, ...env })), dir };
}
