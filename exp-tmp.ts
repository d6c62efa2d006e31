import { openDatabase } from './src/platform/db/database.ts';
import { loadElectionFinance, listReceipts } from './src/finance/finance.repository.ts';
const db = openDatabase({ url: '/tmp/fin1m.sqlite' });
let t0 = performance.now();
const f = await loadElectionFinance(db, 'bench-2030');
console.log('per-party cold', (performance.now() - t0).toFixed(0), 'ms', f.total.receiptCount);
for (const [q, party] of [['Asanov', undefined], ['Asanov', 'B-07'], ['Ab', undefined], ['Жээнбекова Айгүл', undefined]] as const) {
  for (const [sort, order] of [['date', 'desc'], ['amount', 'desc'], ['amount', 'asc']] as const) {
    const t = performance.now();
    for (let i = 0; i < 10; i++) await listReceipts(db, { electionId: 'bench-2030', donorName: q, ...(party ? { party } : {}) }, { sort, order, limit: 50 });
    console.log(q, party ?? '', sort, order, ((performance.now() - t) / 10).toFixed(1), 'ms avg');
  }
}
await db.destroy();
