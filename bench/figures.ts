// One line per measured figure, for `npm run bench` to gather into its table: each benchmark prints its
// own report as before and, when TALAPKER_BENCH_FIGURES names a file, also appends its figures there
// as JSON lines (figure, value, the baseline measured beside it in the same run, target, met or not).
import { appendFileSync } from 'node:fs';

export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** The baseline measured in the same run, in the same unit, when the figure has one. */
  baseline?: number;
  /** As people read it: `≥ 0.7 of baseline`, `< 150 MB`. */
  target: string;
  met: boolean;
}

export const FIGURES_ENV = 'TALAPKER_BENCH_FIGURES';

export function recordFigure(f: Figure): void {
  const file = process.env[FIGURES_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(f)}\n`);
}
