import { createReadStream } from 'node:fs';
import { XmlTokenizer } from './src/bank-statements/parsers/xml-tokenizer.ts';
import { parseCamt053Stream } from './src/bank-statements/parsers/camt053.parser.ts';
const file = '/tmp/tk/p.xml';
for (let k = 0; k < 3; k++) {
  let c0 = process.cpuUsage(); let n = 0;
  const dec = new TextDecoder();
  for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) dec.decode(c as Buffer, { stream: true });
  let cu = process.cpuUsage(c0); console.log('decode only', ((cu.user + cu.system) / 1000).toFixed(0));
  c0 = process.cpuUsage();
  const t = new XmlTokenizer({ open: () => { n++; }, close: () => {}, text: () => {}, fail: (m) => console.log(m) });
  for await (const c of createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' })) t.write(c as string);
  t.end(); cu = process.cpuUsage(c0); console.log('tokenize', n, ((cu.user + cu.system) / 1000).toFixed(0));
  c0 = process.cpuUsage(); let x = 0;
  for await (const e of parseCamt053Stream(createReadStream(file, { highWaterMark: 1 << 20 }))) if (e.kind === 'transaction') x++;
  cu = process.cpuUsage(c0); console.log('full', x, ((cu.user + cu.system) / 1000).toFixed(0));
}
