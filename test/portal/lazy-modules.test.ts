// The large libraries a few features need (pdf.js for reading scans, pdfkit for PDFs, ExcelJS for
// workbooks, ECharts for charts) load at first use, so a started server does not hold them: loaded
// at start they would double its idle memory. Checked in a fresh process, since a test worker may
// have loaded them for another test.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Imports what `talapker serve` imports, then reports which of the libraries are in memory: ExcelJS
// and ECharts by the CommonJS module cache; pdfkit, an ES module here, by the CommonJS line breaker
// it loads; pdf.js, an ES module, by the global it sets when evaluated.
const PROBE = `
import { createRequire } from 'node:module';
await import('./src/server.ts');
await import('./src/serve.ts');
await import('./src/capabilities.ts');
const cache = Object.keys(createRequire(import.meta.url).cache);
const marks = { exceljs: 'exceljs', echarts: 'echarts', pdfkit: 'linebreak' };
const loaded = Object.keys(marks).filter((m) => cache.some((f) => f.includes('/node_modules/' + marks[m] + '/')));
if (globalThis.pdfjsLib) loaded.push('pdfjs-dist');
console.log(JSON.stringify(loaded));
`;

describe('heavy libraries', () => {
  it('are not loaded by importing the server and every capability', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null')).toEqual([]);
  }, 150_000);
});
