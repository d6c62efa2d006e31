import { openDatabase } from './src/platform/db/database.ts';
import { loadElectionFinance, listReceipts } from './src/finance/finance.repository.ts';
import { sql } from 'kysely';
const db = openDatabase({ url: '/tmp/fin1m.sqlite' });
let t0 = performance.now();
const f = await loadElectionFinance(db, 'bench-2030');
console.log('per-party cold', (performance.now() - t0).toFixed(0), 'ms', f.total.receiptCount);
t0 = performance.now();
const r = await sql`select party_registration_number, donor_type, date, sum(amount), count(*) from receipts not indexed where is_latest = 1 and election_id = 'bench-2030' group by 1,2,3`.execute(db);
console.log('not indexed single', (performance.now() - t0).toFixed(0), 'ms', r.rows.length);
t0 = performance.now();
const r2 = await sql`select party_registration_number, donor_type, date, sum(amount), count(*) from receipts where is_latest = 1 and election_id = 'bench-2030' group by 1,2,3`.execute(db);
console.log('indexed single', (performance.now() - t0).toFixed(0), 'ms', r2.rows.length);
console.log((await sql`explain query plan select donor_type, date, sum(amount), count(*) from receipts where is_latest = 1 and election_id = 'bench-2030' and party_registration_number = 'B-07' group by 1,2`.execute(db)).rows);
for (const q of ['Asanov', 'Ab', 'Жээнбекова Айгүл']) {
  for (const sort of ['date', 'amount'] as const) {
    const t = performance.now();
    for (let i = 0; i < 20; i++) await listReceipts(db, { electionId: 'bench-2030', donorName: q }, { sort, order: 'desc', limit: 50 });
    console.log(q, sort, ((performance.now() - t) / 20).toFixed(1), 'ms avg');
  }
}
await db.destroy();
