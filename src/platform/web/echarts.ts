// ECharts, loaded at the first chart drawn rather than when the server starts: it is the largest module
// the pages use (about 40 MB once loaded), and many processes (the command line, a server that only
// answers the API) never draw a chart. Charts are drawn synchronously, so it is required, not imported.
import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';

let lib: typeof ECharts | undefined;

export function echarts(): typeof ECharts {
  lib ??= createRequire(import.meta.url)('echarts') as typeof ECharts;
  return lib;
}

export type { ECharts };
