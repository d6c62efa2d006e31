import { it } from 'vitest';
import { renderDemoScan, buildFilingDemo } from './filing-demo.ts';
it('times', async () => {
  const reps = buildFilingDemo();
  const v = reps[0]!.versions[0]!;
  const times = [];
  for (let i = 0; i < 15; i++) { const t0 = performance.now(); await renderDemoScan(v.scans[0]!.lines, v.submittedAt); times.push(Math.round(performance.now() - t0)); }
  console.log('render', times.join(' '));
}, 120000);
