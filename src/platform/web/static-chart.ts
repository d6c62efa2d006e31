// A chart drawn on the server by ECharts as a static SVG for a page without scripts: one image with
// a label (role="img"), stripped of what only an interactive chart uses. The page gives the same
// figures in a table beside it.
import { echarts, type ECharts } from './echarts.ts';

/** The pages' text font, for a chart's labels and legends. */
export const CHART_FONT = { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#1b1f24' };

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Draws `option` (without animation, in the pages' font) as an SVG image labelled `label`. */
export function staticChartSvg(
  option: ECharts.EChartsOption,
  size: { width: number; height: number },
  label: string,
): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ animation: false, textStyle: CHART_FONT, ...option });
    return (
      chart
        .renderToSVGString({ useViewBox: true })
        // Hover metadata and pointer hints serve interactive charts only; dropping them halves the bytes.
        .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
        .replace(/ pointer-events="visible"/g, '')
        .replace(/ class="zr\d+-cls-\d+"/g, '')
        .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
        .replace(
          /<svg width="\d+" height="\d+"/,
          `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false" class="chart-svg"`,
        )
    );
  } finally {
    chart.dispose();
  }
}
