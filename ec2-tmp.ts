import * as echarts from 'echarts';
const opt = (fmt: boolean) => ({ animation: false, xAxis: { type: 'value', ...(fmt ? { axisLabel: { formatter: (v: number) => new Intl.NumberFormat('ru-RU', { notation: 'compact' }).format(v) } } : {}) }, yAxis: { type: 'category', data: Array.from({length: 20}, (_, i) => 'Партия ' + i) }, series: [{ type: 'bar', data: Array.from({length: 20}, (_, i) => i * 1e7) }, { type: 'bar', data: Array.from({length: 20}, (_, i) => i * 1e6) }] });
for (const fmt of [false, true]) {
  for (let i = 0; i < 5; i++) { const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 560, height: 700 }); c.setOption(opt(fmt) as any); c.renderToSVGString(); c.dispose(); }
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) { const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 560, height: 700 }); c.setOption(opt(fmt) as any); c.renderToSVGString(); c.dispose(); }
  console.log(fmt, (performance.now() - t0) / 100);
}
