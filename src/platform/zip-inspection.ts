// A look inside a ZIP archive (XLSX is one) before a library unpacks it all in memory: the number of
// entries, the sizes the central directory declares and the compression ratio are checked against
// limits, and then every entry is inflated with a cap at its declared size, so an archive that lies
// about its sizes is refused too. A spreadsheet of a few megabytes must not cost gigabytes.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Files inside the archive (an XLSX workbook has a dozen or two). */
  maxEntries: number;
  /** The sum of the unpacked sizes. */
  maxUncompressedBytes: number;
  /** Unpacked bytes per byte of archive, checked once the archive unpacks to more than a megabyte. */
  maxRatio: number;
}

/** Limits for the spreadsheets people upload: lists and report lines. */
export const SPREADSHEET_LIMITS: ZipLimits = { maxEntries: 200, maxUncompressedBytes: 64 * 1024 * 1024, maxRatio: 100 };

export type ZipRefusalReason =
  'not_zip' | 'damaged' | 'zip64' | 'encrypted' | 'method' | 'entries' | 'size' | 'ratio' | 'mismatch';

export interface ZipRefusal {
  reason: ZipRefusalReason;
  /** The limit passed (entries, megabytes or the ratio), when a limit is the reason. */
  limit: number;
  /** What the archive has (entries, megabytes or the ratio). */
  found: number;
  /** In English, for logs and the CLI; pages translate by `reason`. */
  message: string;
}

const MB = 1024 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const refusal = (reason: ZipRefusalReason, message: string, limit = 0, found = 0): ZipRefusal => ({
  reason,
  limit,
  found,
  message,
});

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - 65535; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

function readDirectory(view: DataView, limits: ZipLimits): Entry[] | ZipRefusal {
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return refusal('not_zip', 'The file is not a ZIP archive (an XLSX workbook is one).');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff)
    return refusal('zip64', 'The archive uses ZIP64; a spreadsheet never needs it.');
  if (count > limits.maxEntries)
    return refusal(
      'entries',
      `The archive holds ${count} files; at most ${limits.maxEntries}.`,
      limits.maxEntries,
      count,
    );
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL)
      return refusal('damaged', 'The directory of the archive is damaged.');
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function checkDeclared(entries: readonly Entry[], archiveBytes: number, limits: ZipLimits): ZipRefusal | undefined {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) return refusal('encrypted', 'The archive is encrypted.');
    if (e.method !== 0 && e.method !== 8) return refusal('method', `The archive uses compression method ${e.method}.`);
    if (e.compressed === 0xffffffff || e.uncompressed === 0xffffffff)
      return refusal('zip64', 'The archive uses ZIP64; a spreadsheet never needs it.');
    total += e.uncompressed;
  }
  const maxMb = Math.round(limits.maxUncompressedBytes / MB);
  if (total > limits.maxUncompressedBytes)
    return refusal(
      'size',
      `The archive unpacks to ${Math.round(total / MB)} MB; at most ${maxMb} MB.`,
      maxMb,
      Math.round(total / MB),
    );
  const ratio = total / Math.max(archiveBytes, 1);
  if (total > MB && ratio > limits.maxRatio)
    return refusal(
      'ratio',
      `The archive is packed ${Math.round(ratio)} times; no spreadsheet is packed more than ${limits.maxRatio} times.`,
      limits.maxRatio,
      Math.round(ratio),
    );
  return undefined;
}

/** Inflates an entry no further than its declared size: a larger content is a lie about the size. */
function checkContent(bytes: Uint8Array, view: DataView, e: Entry): ZipRefusal | undefined {
  const damaged = refusal('damaged', 'An entry of the archive is damaged.');
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== LOCAL) return damaged;
  const start =
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressed > bytes.length) return damaged;
  const data = bytes.subarray(start, start + e.compressed);
  const mismatch = refusal('mismatch', 'An entry of the archive unpacks to more than its directory declares.');
  if (e.method === 0) return e.compressed === e.uncompressed ? undefined : mismatch;
  try {
    const out = inflateRawSync(data, { maxOutputLength: e.uncompressed + 1 });
    return out.length > e.uncompressed ? mismatch : undefined;
  } catch (x) {
    return (x as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? mismatch : damaged;
  }
}

/** Undefined when the archive is within the limits; the reason for refusing it otherwise. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = SPREADSHEET_LIMITS): ZipRefusal | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(view, limits);
  if (!Array.isArray(entries)) return entries;
  const declared = checkDeclared(entries, bytes.length, limits);
  if (declared) return declared;
  for (const e of entries) {
    const found = checkContent(bytes, view, e);
    if (found) return found;
  }
  return undefined;
}

/** The refusal in words, for the catalogues of the capabilities that read spreadsheets (params: reason, limit, found). */
export const ARCHIVE_REFUSED_MESSAGE = {
  en: 'The XLSX file is refused before reading: {reason, select, not_zip {it is not an XLSX (ZIP) file} entries {it holds {found} files inside, at most {limit} are allowed} size {it would unpack to {found} MB, at most {limit} MB are allowed} ratio {it is packed {found} times tighter than its contents, no spreadsheet is packed more than {limit} times} mismatch {its contents are larger than its directory says} encrypted {it is encrypted} other {its archive is damaged or of an unsupported kind}}. Save it again from the spreadsheet program, or split it.',
  ru: 'Файл XLSX отклонён до чтения: {reason, select, not_zip {это не файл XLSX (ZIP)} entries {внутри {found} файлов, допускается не более {limit}} size {в распакованном виде он занял бы {found} МБ, допускается не более {limit} МБ} ratio {он сжат в {found} раз, а ни одна таблица не сжимается больше чем в {limit} раз} mismatch {его содержимое больше, чем указано в оглавлении архива} encrypted {он зашифрован} other {архив повреждён или неподдерживаемого вида}}. Сохраните его заново в табличной программе или разделите.',
  ky: 'XLSX файлы окулганга чейин четке кагылды: {reason, select, not_zip {бул XLSX (ZIP) файлы эмес} entries {ичинде {found} файл бар, {limit} файлдан ашпашы керек} size {ачылганда {found} МБ болмок, {limit} МБдан ашпашы керек} ratio {ал {found} эсе кысылган, эч бир таблица {limit} эседен ашык кысылбайт} mismatch {анын мазмуну архивдин мазмунунда көрсөтүлгөндөн чоң} encrypted {ал шифрленген} other {архив бузулган же колдоого алынбаган түрдө}}. Аны таблица программасында кайра сактаңыз же бөлүңүз.',
} as const;

/** The params of a refusal for a problem. */
export const refusalParams = (r: ZipRefusal): Record<string, string | number> => ({
  reason: r.reason,
  limit: r.limit,
  found: r.found,
});
