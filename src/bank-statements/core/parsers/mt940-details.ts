// The :86: "information to account owner" of an MT940 statement line. SWIFT leaves it free text; banks
// fill it in house styles. Two are common enough to decode: the German one (`166?00…?20…?32…`, also
// written with `>` by some Dutch banks) and the Dutch one (`/TRTP/…/NAME/…/REMI/…/EREF/…`). Anything
// else is kept as it stands.

export interface Mt940Details {
  counterpartyName?: string;
  counterpartyAccount?: string;
  counterpartyId?: string;
  remittance?: string;
  endToEndReference?: string;
  /** Set when the text looked structured but broke its own rules (e.g. a `?` not followed by a field number). */
  malformed?: string;
}

const NO_REFERENCE = new Set(['NOTPROVIDED', 'NONREF', '']);

/** Decodes the lines of one :86: field. */
export function decodeDetails(lines: string[]): Mt940Details {
  // Structured variants cut their text at the line width wherever it falls, so their lines join
  // without a separator; free text keeps its line breaks.
  const joined = lines.join('').trim();
  if (joined.length === 0) return {};
  const german = /^\d{3}([?>])\d{2}/.exec(joined);
  if (german) return decodeGerman(joined, german[1] ?? '?');
  if (isDutch(joined)) return decodeDutch(joined);
  const free = trimLines(lines);
  if (!free) return {};
  const details: Mt940Details = { remittance: free };
  // Dutch savings banks (ASN, SNS) start free text with the counterparty's IBAN and name.
  const lead = /^([A-Z]{2}\d{2}[A-Z0-9]{10,30})\s+(\S.*)$/.exec(free.split('\n')[0] ?? '');
  if (lead?.[1] && lead[2]) {
    details.counterpartyAccount = lead[1];
    details.counterpartyName = collapse(lead[2]);
  }
  return details;
}

function trimLines(lines: string[]): string | undefined {
  const kept = lines.map((l) => l.replace(/\s+$/, ''));
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  while (kept.length > 0 && kept[0]?.trim() === '') kept.shift();
  const t = kept.join('\n').trim();
  return t.length > 0 ? t : undefined;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

// ---- German (DFÜ / SEPA) layout: GVC code, then ?NN subfields ----

const SEPA_KEYS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC)\+|(MTLG):/g;

function decodeGerman(text: string, sep: string): Mt940Details {
  const fields = new Map<number, string>();
  const splitter = new RegExp(`\\${sep}(\\d{2})`, 'g');
  const body = text.slice(3);
  let m: RegExpExecArray | null;
  let last: { key: number; start: number } | undefined;
  const put = (key: number, value: string) => fields.set(key, (fields.get(key) ?? '') + value);
  while ((m = splitter.exec(body)) !== null) {
    if (last) put(last.key, body.slice(last.start, m.index));
    last = { key: Number(m[1]), start: m.index + m[0].length };
  }
  if (last) put(last.key, body.slice(last.start));
  const details: Mt940Details = {};
  if (sep === '?' && [...fields.values()].some((v) => v.includes('?'))) {
    details.malformed = 'a "?" that is not followed by a two-digit field number';
  }
  const range = (from: number, to: number) => {
    let s = '';
    for (let k = from; k <= to; k++) s += fields.get(k) ?? '';
    return s;
  };
  const purpose = range(20, 29) + range(60, 63);
  const sepa = sepaParts(purpose);
  // With SEPA keywords the purpose proper is SVWZ+; without, the whole purpose text; failing that the
  // posting text (?00), e.g. "ENTGELTABSCHLUSS".
  const r = collapse(sepa.get('SVWZ') ?? purpose) || collapse(fields.get(0) ?? '');
  if (r) details.remittance = r;
  const eref = collapse(sepa.get('EREF') ?? '');
  if (!NO_REFERENCE.has(eref.toUpperCase())) details.endToEndReference = eref;
  const name = collapse(range(32, 33));
  if (name) details.counterpartyName = name;
  const account = (fields.get(38) ?? fields.get(31) ?? '').replace(/\s+/g, '');
  if (account) details.counterpartyAccount = account;
  return details;
}

/** "EREF+abc SVWZ+text" → {EREF: "abc ", SVWZ: "text"}; a bank message (MTLG:) ends the field before it. */
function sepaParts(purpose: string): Map<string, string> {
  const parts = new Map<string, string>();
  const hits = [...purpose.matchAll(SEPA_KEYS)];
  hits.forEach((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = hits[i + 1]?.index ?? purpose.length;
    const key = h[1] ?? h[2] ?? '';
    if (!parts.has(key)) parts.set(key, purpose.slice(start, end));
  });
  return parts;
}

// ---- Dutch (NVB / SEPA) layout: /KEY/value/KEY/value ----

const DUTCH_KEYS = [
  'TRTP',
  'IBAN',
  'BIC',
  'NAME',
  'REMI',
  'EREF',
  'CSID',
  'MARF',
  'ORDP',
  'BENM',
  'ISDT',
  'CNTP',
  'RTRN',
  'ADDR',
  'PREF',
  'KREF',
  'ULTC',
  'ULTD',
  'ULTB',
  'SVCL',
  'PURP',
  'BBAN',
  'CREF',
  'ID',
  'RTYP',
  'BUSP',
  'IREF',
  'CITY',
];
const DUTCH_KEY_SET = new Set(DUTCH_KEYS);
const DUTCH_SIGNS = /\/(TRTP|NAME|REMI|EREF|IBAN|BBAN|BENM|ORDP|CNTP|PREF)\//;

function isDutch(text: string): boolean {
  return text.startsWith('/') && DUTCH_SIGNS.test(text);
}

/** The `/KEY/` markers of a Dutch text: position of the opening slash and the key. */
function dutchMarkers(text: string): { at: number; key: string }[] {
  const out: { at: number; key: string }[] = [];
  // A plain scan from slash to slash: cheaper than one regular expression with 28 alternatives.
  let i = text.indexOf('/');
  while (i >= 0) {
    const j = text.indexOf('/', i + 1);
    if (j < 0) break;
    const key = text.slice(i + 1, j);
    if (DUTCH_KEY_SET.has(key)) {
      out.push({ at: i, key });
      i = j;
      // "/BENM//NAME/": the closing slash of one marker is not the opening slash of the next.
      if (text[j + 1] !== '/') i = text.indexOf('/', j + 1);
      else i = j + 1;
    } else {
      i = j;
    }
  }
  return out;
}

function decodeDutch(text: string): Mt940Details {
  const values = new Map<string, string>();
  const hits = dutchMarkers(text);
  hits.forEach((h, i) => {
    const start = h.at + h.key.length + 2;
    const end = hits[i + 1]?.at ?? text.length;
    if (!values.has(h.key)) values.set(h.key, text.slice(start, Math.max(start, end)).replace(/\/+$/, '').trim());
  });
  const details: Mt940Details = {};
  const cntp = (values.get('CNTP') ?? '').split('/');
  const name = values.get('NAME') || cntp[2];
  if (name) details.counterpartyName = collapse(name);
  const account = values.get('IBAN') || values.get('BBAN') || cntp[0];
  if (account) details.counterpartyAccount = account.replace(/\s+/g, '');
  const id = values.get('ID');
  if (id) details.counterpartyId = id;
  // REMI/USTD//text and REMI/STRD/CUR/reference carry the text after their own sub-keys. Without
  // REMI there is no purpose text: the other keys are already read into their own fields.
  const remi = (values.get('REMI') ?? '')
    .replace(/^USTD\/\//, '')
    .replace(/^STRD\/[A-Z]+\//, '')
    .trim();
  if (remi) details.remittance = remi;
  const eref = values.get('EREF') ?? '';
  if (!NO_REFERENCE.has(eref.toUpperCase())) details.endToEndReference = eref;
  return details;
}
