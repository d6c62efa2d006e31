// The ballot proof read back the way a machine reads a PDF: names in ballot order, Kyrgyz letters
// intact, the proof mark on every page, pagination that keeps the order.
import { crc32, deflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
  type BallotProofInput,
  type BallotProofLine,
  ILLUSTRATION_MARK,
  PROOF_MARKS,
  hslAsHex,
  renderBallotProof,
} from './ballot-proof.pdf.ts';

/** A small RGB PNG (a coloured square), made here so that the test needs no image file. */
function png(side: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + body.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  const row = Buffer.from([0, ...Array.from({ length: side }, () => rgb).flat()]);
  const pixels = Buffer.concat(Array.from({ length: side }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PARTIES: [string, string][] = [
  ['Жаңы Күч', 'Новая сила'],
  ['Өнүгүү жолу', 'Путь развития'],
  ['Түндүк Шамал', 'Северный ветер'],
  ['Элдик Биримдик', 'Народное единство'],
  ['Көк Асман', 'Голубое небо'],
  ['Мекен Үнү', 'Голос Родины'],
  ['Ынтымак', 'Согласие'],
  ['Тоолор жана Өрөөндөр', 'Горы и долины'],
  ['Жаштардын тандоосу', 'Выбор молодёжи'],
  ['Айыл чарба биримдиги', 'Союз сельского хозяйства'],
  ['Таза Суу', 'Чистая вода'],
  ['Санарип Келечек', 'Цифровое будущее'],
  ['Мыйзам жана Адилеттүүлүк', 'Закон и справедливость'],
  ['Эмгекчилер партиясы', 'Партия трудящихся'],
  ['Ысык-Көлдүн жашыл келечеги үчүн', 'За зелёное будущее Иссык-Куля'],
  [
    'Бүткүл Кыргызстандык аялдар кеңеши жана үй-бүлөнү колдоо демилгеси саясий партиясы',
    'Политическая партия «Всекыргызстанский совет женщин и инициатива поддержки семьи»',
  ],
];

function proofInput(lines: BallotProofLine[], size: 'A4' | 'A3' = 'A4'): BallotProofInput {
  return {
    electionTitle: {
      ky: 'Кыргыз Республикасынын Жогорку Кеңешинин депутаттарын шайлоо',
      ru: 'Выборы депутатов Жогорку Кенеша Кыргызской Республики',
    },
    electionDate: '2026-11-29',
    size,
    lines,
    againstAll: { ballotNumber: lines.length + 1, labelKy: 'Баарына каршы', labelRu: 'Против всех' },
    producedAt: new Date('2026-10-01T10:00:00Z'),
  };
}

const sixteen: BallotProofLine[] = PARTIES.map(([nameKy, nameRu], i) => ({
  ballotNumber: i + 1,
  nameKy,
  nameRu,
  ...(i % 3 === 2 ? {} : { logo: { kind: 'raster' as const, bytes: png(24, [30 + i * 12, 90, 160]) } }),
}));

/** Each page's text as pdfjs extracts it, lines joined by spaces and runs of white space collapsed. */
async function pageTexts(pdf: Buffer): Promise<{ texts: string[]; sizes: number[][] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  const sizes: number[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    texts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
    sizes.push(page.view.slice(2).map(Math.round));
  }
  await doc.destroy();
  return { texts, sizes };
}

/** Asserts that the names occur in this order in the text, each after the one before. */
function expectInOrder(text: string, names: string[]): void {
  let from = 0;
  for (const name of names) {
    const at = text.indexOf(name, from);
    expect(at, `"${name}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + name.length;
  }
}

describe('renderBallotProof', () => {
  it('lists every party in ballot order, in Kyrgyz and Russian, with "Against all" last', async () => {
    // Given out of order: the proof sorts by ballot number.
    const pdf = await renderBallotProof(proofInput([...sixteen].reverse()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { texts, sizes } = await pageTexts(pdf);
    expect(texts).toHaveLength(1);
    expect(sizes[0]).toEqual([595, 842]);
    const text = texts[0]!;
    expectInOrder(text, [...PARTIES.flatMap(([ky, ru]) => [ky, ru]), 'Баарына каршы', 'Против всех']);
    expectInOrder(text, ['Кыргыз Республикасынын Жогорку Кеңешинин депутаттарын шайлоо', '29.11.2026']);
  });

  it('marks the order of an illustration as not the real one, and a real draw not at all', async () => {
    const note = { ky: 'синтетикалык seed', ru: 'синтетический seed' };
    const { texts } = await pageTexts(await renderBallotProof({ ...proofInput(sixteen), illustration: note }));
    expect(texts[0]).toContain(ILLUSTRATION_MARK.replace(/\s+/g, ' '));
    expect(texts[0]).toContain('синтетический seed');
    const real = await pageTexts(await renderBallotProof(proofInput(sixteen)));
    expect(real.texts[0]).not.toContain('ИЛЛЮСТРАЦИЯ');
  });

  it('keeps the Kyrgyz letters ң ө ү (and their capitals) as text', async () => {
    const { texts } = await pageTexts(await renderBallotProof(proofInput(sixteen)));
    for (const letter of ['ң', 'ө', 'ү', 'Ө', 'Ү']) expect(texts[0]).toContain(letter);
    expect(texts[0]).toContain('Жаңы Күч');
    expect(texts[0]).toContain('Мекен Үнү');
  });

  it('says on every page, in three languages, that it is not a ballot', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ballotNumber: i + 1,
      nameKy: `Партия ${i + 1} өңү`,
      nameRu: `Партия ${i + 1} ру`,
    }));
    const { texts } = await pageTexts(await renderBallotProof(proofInput(many)));
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) for (const mark of PROOF_MARKS) expect(text).toContain(mark);
  });

  it('paginates a long ballot without losing or reordering a line', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ballotNumber: i + 1,
      nameKy: `Партия №${i + 1} өңү`,
      nameRu: `ру №${i + 1}.`,
    }));
    const { texts } = await pageTexts(await renderBallotProof(proofInput(many)));
    expect(texts).toHaveLength(3);
    texts.forEach((text, i) => expect(text).toContain(`Page ${i + 1} / 3`));
    expectInOrder(texts.join(' '), [...many.flatMap((l) => [l.nameKy, l.nameRu]), 'Баарына каршы']);
    // Pages of equal size, so "Against all" never stands alone on the last one.
    expect(texts[2]).toContain('Партия №30 өңү');
  });

  it('renders A3 with the same content', async () => {
    const { texts, sizes } = await pageTexts(await renderBallotProof(proofInput(sixteen, 'A3')));
    expect(sizes).toEqual([[842, 1191]]);
    expectInOrder(
      texts[0]!,
      PARTIES.map(([ky]) => ky),
    );
  });

  it('embeds DejaVu Sans rather than relying on a reader font', async () => {
    const pdf = (await renderBallotProof(proofInput(sixteen))).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(pdf).toContain('/FontFile2');
  });

  it('is byte-for-byte reproducible when the production time is given', async () => {
    const input = proofInput(sixteen);
    expect((await renderBallotProof(input)).equals(await renderBallotProof(input))).toBe(true);
  });

  it('draws an SVG logo as vectors, its lettering included, and leaves an unreadable one out', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><title>Synthetic</title>' +
      '<circle cx="60" cy="60" r="56" fill="#1e6b34"/>' +
      '<text x="60" y="60" text-anchor="middle" font-weight="bold" font-size="40" fill="#fff">ЖҮ</text></svg>';
    const lines: BallotProofLine[] = [
      { ballotNumber: 1, nameKy: 'Биринчи партия', nameRu: 'Первая партия', logo: { kind: 'svg', text: svg } },
      { ballotNumber: 2, nameKy: 'Экинчи партия', nameRu: 'Вторая партия', logo: { kind: 'svg', text: '<svg><g' } },
    ];
    const pdf = await renderBallotProof(proofInput(lines));
    const { texts } = await pageTexts(pdf);
    expect(texts.join(' ')).toContain('ЖҮ');
    expect(texts.join(' ')).toContain('Экинчи партия');
    const withoutLogo = await renderBallotProof(proofInput(lines.map(({ logo: _logo, ...l }) => l)));
    expect((await pageTexts(withoutLogo)).texts.join(' ')).not.toContain('ЖҮ');
  });

  it('gives the SVG drawer hsl() colours as hex', () => {
    expect(hslAsHex('<rect fill="hsl(120,100%,25%)" stroke="hsl(0, 100%, 50%)"/>')).toBe(
      '<rect fill="#008000" stroke="#ff0000"/>',
    );
    expect(hslAsHex('fill="hsl(210,65%,35%)"')).toBe('fill="#1f5993"');
    expect(hslAsHex('fill="#123456"')).toBe('fill="#123456"');
  });

  it('refuses a date that is not ISO', async () => {
    await expect(renderBallotProof({ ...proofInput(sixteen), electionDate: '29.11.2026' })).rejects.toThrow(/ISO date/);
  });
});
