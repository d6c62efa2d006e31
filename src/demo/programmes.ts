// Synthetic party programmes for the demo: generic platform text in Kyrgyz, Russian and English, put
// together from parallel pools of themed sentences, and the "original PDF" a party would upload.
//
// The text says at the top that it is synthetic and not the party's programme: party names are real,
// their words here are not. Sentences are parallel across languages (the same index means the same
// sentence) so that the three versions of a programme say the same thing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Localized, Party, Programme } from '../domain/election.ts';
import { rngFor } from './random.ts';

interface Theme {
  heading: Localized;
  sentences: readonly Localized[];
}

const THEMES: readonly Theme[] = [
  {
    heading: { ky: 'Экономика', ru: 'Экономика', en: 'Economy' },
    sentences: [
      {
        ky: 'Биз чакан жана орто бизнес үчүн салык отчеттуулугун жөнөкөйлөтүүнү жана текшерүүлөрдүн санын кыскартууну сунуштайбыз.',
        ru: 'Мы предлагаем упростить налоговую отчётность для малого и среднего бизнеса и сократить число проверок.',
        en: 'We propose simpler tax reporting for small and medium businesses and fewer inspections.',
      },
      {
        ky: 'Жаңы жумуш орундарын түзгөн ишканаларга ачык жана бирдей шарттар түзүлөт.',
        ru: 'Предприятиям, создающим новые рабочие места, будут обеспечены открытые и равные условия.',
        en: 'Enterprises that create new jobs will get open and equal conditions.',
      },
      {
        ky: 'Экспортту колдоо жана региондук соода жолдорун өнүктүрүү биздин артыкчылыгыбыз болот.',
        ru: 'Поддержка экспорта и развитие региональных торговых путей станут нашим приоритетом.',
        en: 'Supporting exports and developing regional trade routes will be our priority.',
      },
    ],
  },
  {
    heading: { ky: 'Билим берүү', ru: 'Образование', en: 'Education' },
    sentences: [
      {
        ky: 'Мугалимдердин эмгек акысын көбөйтүү жана алардын кесиптик өнүгүүсүн колдоо зарыл.',
        ru: 'Необходимо повысить зарплату учителей и поддержать их профессиональное развитие.',
        en: "Teachers' pay must rise, and their professional development must be supported.",
      },
      {
        ky: 'Ар бир айылдагы мектеп интернетке жана заманбап окуу куралдарына ээ болушу керек.',
        ru: 'Каждая сельская школа должна иметь доступ к интернету и современным учебным материалам.',
        en: 'Every village school should have internet access and modern teaching materials.',
      },
      {
        ky: 'Балдар бакчаларынын санын көбөйтүп, кезектерди жоюуга умтулабыз.',
        ru: 'Мы будем добиваться увеличения числа детских садов и ликвидации очередей.',
        en: 'We will work to open more kindergartens and end the waiting lists.',
      },
    ],
  },
  {
    heading: { ky: 'Саламаттыкты сактоо', ru: 'Здравоохранение', en: 'Health' },
    sentences: [
      {
        ky: 'Алгачкы медициналык жардам ар бир райондо жеткиликтүү жана акысыз болушу керек.',
        ru: 'Первичная медицинская помощь должна быть доступной и бесплатной в каждом районе.',
        en: 'Primary health care should be accessible and free of charge in every district.',
      },
      {
        ky: 'Дары-дармектердин баасын ачык көзөмөлдөө системасын киргизебиз.',
        ru: 'Мы введём открытую систему контроля цен на лекарства.',
        en: 'We will introduce an open system for monitoring medicine prices.',
      },
      {
        ky: 'Айылдык жерлердеги дарыгерлерге турак жай жана кошумча жөлөк пул берилет.',
        ru: 'Врачам в сельской местности будут предоставляться жильё и дополнительные выплаты.',
        en: 'Doctors in rural areas will receive housing and additional allowances.',
      },
    ],
  },
  {
    heading: { ky: 'Региондор', ru: 'Регионы', en: 'Regions' },
    sentences: [
      {
        ky: 'Жергиликтүү бюджеттердин ыйгарым укуктарын кеңейтүү региондордун өнүгүүсүнө түрткү берет.',
        ru: 'Расширение полномочий местных бюджетов даст импульс развитию регионов.',
        en: 'Giving local budgets more powers will drive the development of the regions.',
      },
      {
        ky: 'Айылдарды бириктирген жолдорду оңдоо жана ичүүчү суу менен камсыз кылуу биринчи кезектеги милдет.',
        ru: 'Ремонт дорог между сёлами и обеспечение питьевой водой — первоочередная задача.',
        en: 'Repairing the roads between villages and providing drinking water come first.',
      },
      {
        ky: 'Ар бир облуста жаштар үчүн кесиптик окуу борборлору ачылат.',
        ru: 'В каждой области откроются центры профессионального обучения для молодёжи.',
        en: 'Vocational training centres for young people will open in every region.',
      },
    ],
  },
  {
    heading: { ky: 'Коррупцияга каршы күрөш', ru: 'Борьба с коррупцией', en: 'Anti-corruption' },
    sentences: [
      {
        ky: 'Мамлекеттик сатып алуулардын бардык келишимдери толугу менен ачык жарыяланышы керек.',
        ru: 'Все договоры государственных закупок должны публиковаться полностью и открыто.',
        en: 'All public procurement contracts should be published in full.',
      },
      {
        ky: 'Мамлекеттик кызматкерлердин кирешелери жөнүндө декларациялар ачык болушу зарыл.',
        ru: 'Декларации о доходах государственных служащих должны быть открытыми.',
        en: 'Income declarations of public officials must be open to the public.',
      },
      {
        ky: 'Шайлоо фонддорунун кирешелери жана чыгашалары ар бир жума сайын жарыяланышы керек.',
        ru: 'Поступления и расходы избирательных фондов должны публиковаться еженедельно.',
        en: 'Receipts and spending of electoral funds should be published every week.',
      },
    ],
  },
  {
    heading: { ky: 'Мигранттар', ru: 'Мигранты', en: 'Migrants' },
    sentences: [
      {
        ky: 'Чет өлкөлөрдө иштеген мекендештерибиздин укуктарын коргоо үчүн консулдук кызматтарды күчөтөбүз.',
        ru: 'Мы усилим консульские службы для защиты прав наших соотечественников, работающих за рубежом.',
        en: 'We will strengthen consular services to protect the rights of citizens working abroad.',
      },
      {
        ky: 'Мигранттардын акча которуулары үчүн комиссиялардын төмөндөшүнө жетишебиз.',
        ru: 'Мы добьёмся снижения комиссий за денежные переводы мигрантов.',
        en: "We will push for lower fees on migrants' money transfers.",
      },
      {
        ky: 'Мекенине кайтып келген мигранттарга бизнес баштоо үчүн жеңилдетилген насыялар берилет.',
        ru: 'Вернувшимся на родину мигрантам будут предоставляться льготные кредиты для открытия бизнеса.',
        en: 'Returning migrants will be offered low-interest loans to start a business.',
      },
    ],
  },
  {
    heading: { ky: 'Айыл чарба', ru: 'Сельское хозяйство', en: 'Agriculture' },
    sentences: [
      {
        ky: 'Фермерлерге үрөн, жер семирткич жана техника сатып алуу үчүн арзан насыялар берилет.',
        ru: 'Фермерам будут предоставляться доступные кредиты на семена, удобрения и технику.',
        en: 'Farmers will get affordable loans for seed, fertiliser and machinery.',
      },
      {
        ky: 'Сугат системаларын калыбына келтирүү айыл чарба өндүрүшүн көбөйтөт.',
        ru: 'Восстановление ирригационных систем увеличит сельскохозяйственное производство.',
        en: 'Restoring irrigation systems will raise farm output.',
      },
      {
        ky: 'Айыл чарба кооперативдерин жана продукцияны кайра иштетүүнү колдойбуз.',
        ru: 'Мы поддержим сельскохозяйственные кооперативы и переработку продукции.',
        en: 'We will support farm cooperatives and food processing.',
      },
    ],
  },
];

export const PROGRAMME_HEADING: Localized = {
  ky: 'Синтетикалык демо программа',
  ru: 'Синтетическая демонстрационная программа',
  en: 'Synthetic demo programme',
};

function disclaimer(short: Localized): Localized {
  return {
    ky: `Бул текст «${short.ky}» партиясынын чыныгы программасы эмес: ал демонстрация үчүн автоматтык түрдө түзүлгөн.`,
    ru: `Этот текст не является настоящей программой партии «${short.ru}»: он автоматически создан для демонстрации.`,
    en: `This text is not the real programme of ${short.en}: it was generated automatically for the demo.`,
  };
}

export type DemoProgramme = Omit<Programme, 'pdfBlobKey'>;

/**
 * The programme of one party in one election: heading, disclaimer, then 4–5 themes of 2–3 sentences,
 * chosen by the party's own random stream so that parties differ but each is stable.
 */
export function generateProgramme(electionId: string, party: Party): DemoProgramme {
  const rng = rngFor(`programme:${electionId}:${party.registrationNumber}`);
  const themes = rng.sample(THEMES, rng.int(4, 5));
  const picks = themes.map((t) => ({ heading: t.heading, sentences: rng.sample(t.sentences, rng.int(2, 3)) }));
  const compose = (lang: keyof Localized): string =>
    [
      PROGRAMME_HEADING[lang],
      party.name[lang],
      disclaimer(party.shortName)[lang],
      ...picks.map((p) => `${p.heading[lang]}\n${p.sentences.map((s) => s[lang]).join(' ')}`),
    ].join('\n\n');
  return {
    electionId,
    partyRegistrationNumber: party.registrationNumber,
    text: { ky: compose('ky'), ru: compose('ru'), en: compose('en') },
  };
}

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once, on first use: importing the module for its text must not touch the disk. */
function dejaVu(): { regular: Buffer; bold: Buffer } {
  // Resolved through the package rather than a path, so it works wherever node_modules is.
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/** A fixed date in the PDF's metadata, so that the same programme gives the same bytes every time. */
const PDF_DATE = new Date('2020-08-24T00:00:00Z');

/**
 * The "original PDF" of a programme: one A4 section per language, in DejaVu Sans (embedded, so ң ө ү
 * render in any viewer). Paragraphs are the blank-line-separated blocks of the text; a block whose
 * first line is short and has no full stop is set as a heading.
 */
export async function renderProgrammePdf(programme: Pick<Programme, 'text'>, party: Party): Promise<Buffer> {
  // pdfkit is loaded here rather than with the programme texts, which the serving process also reads.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: `${PROGRAMME_HEADING.en}: ${party.shortName.en}`,
        Author: party.name.en,
        Subject: 'Synthetic demo data, not the party\u2019s real programme',
        Producer: 'Talapker demo',
        Creator: 'Talapker demo',
        CreationDate: PDF_DATE,
        ModDate: PDF_DATE,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const { regular, bold } = dejaVu();
    doc.registerFont('regular', regular);
    doc.registerFont('bold', bold);

    (['ky', 'ru', 'en'] as const).forEach((lang, i) => {
      if (i > 0) doc.addPage();
      const blocks = programme.text[lang].split(/\n{2,}/);
      blocks.forEach((block, b) => {
        const isTitle = b === 0;
        const [first = '', ...rest] = block.split('\n');
        if (isTitle) {
          doc.font('bold').fontSize(16).text(first, { paragraphGap: 8 });
        } else if (rest.length > 0 && first.length < 60 && !first.includes('.')) {
          doc.font('bold').fontSize(12).text(first, { paragraphGap: 2 });
          doc.font('regular').fontSize(11).text(rest.join(' '), { align: 'justify', paragraphGap: 8 });
        } else {
          doc
            .font(b === 1 ? 'bold' : 'regular')
            .fontSize(b === 1 ? 13 : 11)
            .text(block, { paragraphGap: 8 });
        }
      });
    });
    doc.end();
  });
}
