// ZIP archives made by hand for the tests of hostile uploads: entries whose directory may lie about
// their sizes, so a test can build a zip bomb of any shape in a few kilobytes.
import { crc32, deflateRawSync } from 'node:zlib';

export interface CraftedEntry {
  name: string;
  data: Buffer;
  /** The unpacked size the archive declares; the real one when absent. */
  declaredSize?: number;
  /** Store instead of deflate. */
  stored?: boolean;
}

export function craftZip(entries: readonly CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.stored ? e.data : deflateRawSync(e.data, { level: 9 });
    const size = e.declaredSize ?? e.data.length;
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A "spreadsheet" of a few kilobytes that unpacks to `mb` megabytes of one repeated byte. */
export function zipBomb(mb: number, declaredSize?: number): Buffer {
  return craftZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(mb * 1024 * 1024, 0x20),
      ...(declaredSize === undefined ? {} : { declaredSize }),
    },
  ]);
}
