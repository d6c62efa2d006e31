import { createReadStream } from 'node:fs';
import { parseCamt053Stream } from './src/bank-statements/parsers/camt053.parser.ts';
for (let k=0;k<4;k++) {
const t = performance.now(); const c0 = process.cpuUsage(); let c = 0;
for await (const e of parseCamt053Stream(createReadStream('/tmp/tk/p.xml', {highWaterMark: 1<<20}))) if (e.kind==='transaction') c++;
const cu = process.cpuUsage(c0);
console.log('fast', c, (performance.now()-t).toFixed(0), 'cpu', ((cu.user+cu.system)/1000).toFixed(0));
}
