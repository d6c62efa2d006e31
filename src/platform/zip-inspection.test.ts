import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { inspectZip, SPREADSHEET_LIMITS } from './zip-inspection.ts';
import { craftZip, zipBomb } from '../../test/support/crafted-zip.ts';

async function realWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Receipts');
  for (let i = 0; i < 500; i++) ws.addRow([i, `Name ${i}`, 1000 + i]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('inspectZip', () => {
  it('lets a real workbook through', async () => {
    expect(inspectZip(await realWorkbook())).toBeUndefined();
  });

  it('refuses what is not a zip', () => {
    expect(inspectZip(Buffer.from('list_position,name_ky\n'))?.reason).toBe('not_zip');
  });

  it('refuses an archive that declares more than the limit unpacked', () => {
    const r = inspectZip(zipBomb(70));
    expect(r).toMatchObject({ reason: 'size', limit: 64, found: 70 });
    expect(r?.message).toContain('64 MB');
  });

  it('refuses an archive packed far beyond any spreadsheet', () => {
    // 20 MB of one byte packs into some 20 kB: a ratio of about a thousand.
    expect(inspectZip(zipBomb(20))?.reason).toBe('ratio');
  });

  it('refuses an archive whose directory understates an entry, without unpacking past the declared size', () => {
    const lying = zipBomb(50, 1000);
    expect(lying.length).toBeLessThan(1024 * 1024);
    expect(inspectZip(lying)?.reason).toBe('mismatch');
  });

  it('refuses too many entries', () => {
    const many = craftZip(
      Array.from({ length: SPREADSHEET_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })),
    );
    expect(inspectZip(many)).toMatchObject({ reason: 'entries', found: SPREADSHEET_LIMITS.maxEntries + 1 });
  });

  it('refuses a damaged directory', () => {
    const z = zipBomb(1);
    const end = z.length - 22;
    z.writeUInt32LE(z.length + 1000, end + 16);
    expect(inspectZip(z)?.reason).toBe('damaged');
  });
});
