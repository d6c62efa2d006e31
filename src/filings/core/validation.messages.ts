// The message catalogue of problems found in filings and in imported lines: one ICU MessageFormat text per
// problem code in ky, ru and en, and `problemMessage` to render a problem in a locale. A problem keeps raw
// params (tyiyn as integers, field paths, enum keys); they are turned into words here, per locale, so that a
// stored problem can be shown in any language later.
import type { Locale, Localized } from '../../domain/election.ts';
import { defineMessages, translator } from '../../platform/i18n/messages.ts';
import { formatSom, tyiyn } from '../../domain/money.ts';
import type { Problem } from '../../platform/result.ts';
import { ARCHIVE_REFUSED_MESSAGE } from '../../platform/zip-inspection.ts';
import { columnHeader } from './filing-columns.ts';
import { enumLabels, fieldLabel, reportKindLabels, sectionLabels } from './filing-labels.ts';

const REASON_PIN_EN =
  '{reason, select, length {it must have 14 digits} not_digits {it must contain digits only} date_not_real {digits 2–9 are not a real date of birth} date_in_future {the date of birth in digits 2–9 is in the future} other {{reason}}}';
const REASON_PIN_RU =
  '{reason, select, length {он должен состоять из 14 цифр} not_digits {он должен содержать только цифры} date_not_real {цифры со 2-й по 9-ю не образуют существующую дату рождения} date_in_future {дата рождения в цифрах со 2-й по 9-ю ещё не наступила} other {{reason}}}';
const REASON_PIN_KY =
  '{reason, select, length {ал 14 сандан турушу керек} not_digits {анда сандар гана болушу керек} date_not_real {2–9-орундардагы сандар чыныгы туулган күндү түзбөйт} date_in_future {2–9-орундардагы туулган күн али келе элек} other {{reason}}}';

export const filingMessages = defineMessages({
  // ---- The shape of the document (mapped from zod issues) ----
  'schema.required': {
    en: '“{field}” is required.',
    ru: 'Поле «{field}» обязательно.',
    ky: '«{field}» талаасы милдеттүү.',
  },
  'schema.invalid_type': {
    en: '“{field}” must be {expected, select, string {text} number {a number} integer {a whole number} array {a list} object {an object} boolean {true or false} other {{expected}}}.',
    ru: 'В поле «{field}» должно быть {expected, select, string {текст} number {число} integer {целое число} array {список} object {объект} boolean {true или false} other {{expected}}}.',
    ky: '«{field}» талаасында {expected, select, string {текст} number {сан} integer {бүтүн сан} array {тизме} object {объект} boolean {true же false} other {{expected}}} болушу керек.',
  },
  'schema.unknown_field': {
    en: '“{key}” is not a field of the filing format; check its spelling.',
    ru: '«{key}» — неизвестное поле формата отчёта; проверьте написание.',
    ky: '«{key}» — отчеттун форматында мындай талаа жок; жазылышын текшериңиз.',
  },
  'schema.invalid_value': {
    en: '“{field}” must be one of: {allowed}.',
    ru: 'Поле «{field}» должно иметь одно из значений: {allowed}.',
    ky: '«{field}» талаасы төмөнкү маанилердин бири болушу керек: {allowed}.',
  },
  'schema.empty': {
    en: '“{field}” must not be empty.',
    ru: 'Поле «{field}» не должно быть пустым.',
    ky: '«{field}» талаасы бош болбошу керек.',
  },
  'schema.too_long': {
    en: '“{field}” is too long: at most {maximum}.',
    ru: 'Поле «{field}» слишком длинное: не более {maximum}.',
    ky: '«{field}» талаасы өтө узун: эң көп дегенде {maximum}.',
  },
  'schema.invalid_format': {
    en: '“{field}” is not in the expected format.',
    ru: 'Поле «{field}» заполнено в неверном формате.',
    ky: '«{field}» талаасы туура эмес форматта толтурулган.',
  },
  'schema.control_character': {
    en: '“{field}” contains a line break, a tab or another invisible control character; type it on one line.',
    ru: 'В поле «{field}» есть перенос строки, табуляция или другой невидимый управляющий символ; введите текст одной строкой.',
    ky: '«{field}» талаасында саптын которулушу, табуляция же башка көрүнбөгөн башкаруучу белги бар; текстти бир сапка жазыңыз.',
  },
  'schema.invalid': {
    en: '“{field}” is not valid.',
    ru: 'Поле «{field}» заполнено неверно.',
    ky: '«{field}» талаасы туура эмес толтурулган.',
  },
  'format.unsupported': {
    en: 'This is not a Talapker filing v1: the field “format” must be “talapker-filing-v1”.',
    ru: 'Это не отчёт в формате Talapker filing v1: поле «format» должно быть «talapker-filing-v1».',
    ky: 'Бул Talapker filing v1 форматындагы отчет эмес: «format» талаасы «talapker-filing-v1» болушу керек.',
  },
  'date.invalid': {
    en: '“{field}” must be a real date written as YYYY-MM-DD.',
    ru: 'В поле «{field}» укажите существующую дату в виде ГГГГ-ММ-ДД.',
    ky: '«{field}» талаасына чыныгы күндү ЖЖЖЖ-АА-КК түрүндө жазыңыз.',
  },
  'amount.not_integer': {
    en: '“{field}” must be a whole number of tyiyn (1 som = 100 tyiyn).',
    ru: '«{field}» должно быть целым числом тыйынов (1 сом = 100 тыйын).',
    ky: '«{field}» тыйындын бүтүн саны менен жазылышы керек (1 сом = 100 тыйын).',
  },
  'amount.not_positive': {
    en: 'The amount must be greater than zero.',
    ru: 'Сумма должна быть больше нуля.',
    ky: 'Сумма нөлдөн чоң болушу керек.',
  },
  'amount.out_of_range': {
    en: '“{field}” is outside the accepted range: from −{maximum} to {maximum}.',
    ru: '«{field}» вне допустимого диапазона: от −{maximum} до {maximum}.',
    // Formatted som end in "сом", so the case endings attach to it: "1 000,00 сомдон … сомго".
    ky: '«{field}» уруксат берилген чектен тышкары: ал −{maximum}дон {maximum}го чейин болушу керек.',
  },
  'amount.too_large': {
    en: '“{field}” is larger than the largest accepted amount, {maximum}.',
    ru: '«{field}» больше максимально допустимой суммы — {maximum}.',
    ky: '«{field}» уруксат берилген эң чоң суммадан ({maximum}) ашып кетти.',
  },

  // ---- Identity numbers ----
  'pin.invalid': {
    en: `The PIN is not valid: ${REASON_PIN_EN}.`,
    ru: `ПИН указан неверно: ${REASON_PIN_RU}.`,
    ky: `ЖИН туура эмес: ${REASON_PIN_KY}.`,
  },
  'pin.unverified': {
    en: 'PIN format unverified: it does not start with 1 or 2, so its date of birth cannot be checked.',
    ru: 'Формат ПИН не проверен: он начинается не с 1 и не с 2, поэтому дату рождения в нём проверить нельзя.',
    ky: 'ЖИНдин форматы текшерилген жок: ал 1 же 2 менен башталбайт, ошондуктан андагы туулган күндү текшерүүгө болбойт.',
  },
  'inn.invalid': {
    en: 'The INN is not valid: {reason, select, length {it must have 14 digits} not_digits {it must contain digits only} other {{reason}}}.',
    ru: 'ИНН указан неверно: {reason, select, length {он должен состоять из 14 цифр} not_digits {он должен содержать только цифры} other {{reason}}}.',
    ky: 'ИСН туура эмес: {reason, select, length {ал 14 сандан турушу керек} not_digits {анда сандар гана болушу керек} other {{reason}}}.',
  },
  'donor.pin_missing': {
    en: 'An individual donor without a PIN cannot be identified; the donation may count as anonymous.',
    ru: 'Физическое лицо без ПИН невозможно идентифицировать; пожертвование может быть признано анонимным.',
    ky: 'ЖИНи көрсөтүлбөгөн жеке жакты аныктоого болбойт; кайрымдуулук анонимдүү деп эсептелиши мүмкүн.',
  },
  'donor.inn_missing': {
    en: 'A legal entity donor without an INN cannot be checked against the registries.',
    ru: 'Юридическое лицо без ИНН невозможно проверить по реестрам.',
    ky: 'ИСНи көрсөтүлбөгөн юридикалык жакты реестрлер боюнча текшерүүгө болбойт.',
  },

  // ---- Header ----
  'period.reversed': {
    en: 'The report period starts ({from}) after it ends ({to}).',
    ru: 'Отчётный период начинается ({from}) позже, чем заканчивается ({to}).',
    ky: 'Отчеттук мезгил аяктаган күндөн ({to}) кийин башталат ({from}).',
  },
  'period.before_call': {
    en: 'The report period starts on {from}, before the election was called ({calledOn}).',
    ru: 'Отчётный период начинается {from}, раньше назначения выборов ({calledOn}).',
    ky: 'Отчеттук мезгил {from} башталат, бул шайлоо дайындалганга ({calledOn}) чейин.',
  },
  'period.after_reports': {
    en: 'The report period ends on {to}, after the last report of this election was due ({lastDay}).',
    ru: 'Отчётный период заканчивается {to}, позже срока последнего отчёта этих выборов ({lastDay}).',
    ky: 'Отчеттук мезгил {to} аяктайт, бул шайлоонун акыркы отчетунун мөөнөтүнөн ({lastDay}) кийин.',
  },
  'report_kind.not_in_profile': {
    en: 'The rules of this election do not provide for this kind of report ({reportKind}).',
    ru: 'Правила этих выборов не предусматривают такой вид отчёта ({reportKind}).',
    ky: 'Бул шайлоонун эрежелеринде мындай отчет ({reportKind}) каралган эмес.',
  },
  'balance.mismatch': {
    en: 'The balance does not add up: opening balance {opening} + receipts {receipts} − expenditures {expenditures} − refunds {refunds} = {expectedClosing}, but the closing balance is {closing}.',
    ru: 'Баланс не сходится: остаток на начало {opening} + поступления {receipts} − расходы {expenditures} − возвраты {refunds} = {expectedClosing}, а остаток на конец указан {closing}.',
    ky: 'Баланс туура келбейт: башталгыч калдык {opening} + түшүүлөр {receipts} − чыгашалар {expenditures} − кайтаруулар {refunds} = {expectedClosing}, бирок акыркы калдык {closing} деп көрсөтүлгөн.',
  },
  'balance.negative_closing': {
    en: 'The closing balance is negative ({closing}): a fund cannot spend more than it holds.',
    ru: 'Остаток на конец периода отрицательный ({closing}): из фонда нельзя израсходовать больше, чем в нём есть.',
    ky: 'Мезгилдин аягындагы калдык терс ({closing}): фонддон андагы каражаттан ашык сарптоого болбойт.',
  },
  'totals.mismatch': {
    en: 'The header gives {declared} as the total of “{sectionLabel}”, but its {count, plural, one {# line adds} other {# lines add}} up to {computed}.',
    ru: 'В заголовке итог раздела «{sectionLabel}» — {declared}, а сумма {count, plural, one {# строки} other {# строк}} раздела — {computed}.',
    ky: 'Башкы бөлүктө «{sectionLabel}» бөлүмүнүн жыйындысы {declared} деп көрсөтүлгөн, бирок анын {count} сабынын суммасы {computed}.',
  },

  // ---- Lines ----
  'date.outside_period': {
    en: 'The date {date} is outside the report period {from} – {to}.',
    ru: 'Дата {date} не входит в отчётный период {from} – {to}.',
    ky: '{date} күнү отчеттук мезгилге ({from} – {to}) кирбейт.',
  },
  'date.in_future': {
    en: '“{field}” is {date}, a day still to come (today is {today}).',
    ru: '«{field}» — {date}: эта дата ещё не наступила (сегодня {today}).',
    ky: '«{field}» — {date}: бул күн али келе элек (бүгүн {today}).',
  },
  'line_id.duplicate': {
    en: 'The line ID “{lineId}” is already used in “{otherSectionLabel}”, line {otherRow}; every line needs its own.',
    ru: 'Идентификатор строки «{lineId}» уже использован в разделе «{otherSectionLabel}», строка {otherRow}; у каждой строки он должен быть свой.',
    ky: '«{lineId}» идентификатору «{otherSectionLabel}» бөлүмүнүн {otherRow}-сабында колдонулган; ар бир саптын өз идентификатору болушу керек.',
  },
  'line.duplicate': {
    en: 'This line repeats line {otherRow} ({otherLineId}): the same date, amount, counterparty and {section, select, expenditures {document number} other {bank reference}}.',
    ru: 'Эта строка повторяет строку {otherRow} ({otherLineId}): та же дата, сумма, контрагент и {section, select, expenditures {номер документа} other {номер банковской операции}}.',
    ky: 'Бул сап {otherRow}-сапты ({otherLineId}) кайталайт: күнү, суммасы, контрагенти жана {section, select, expenditures {документтин номери} other {банк операциясынын номери}} бирдей.',
  },
  'line.possible_duplicate': {
    en: 'This line may repeat line {otherRow} ({otherLineId}): the same date, amount and counterparty, and no reference tells them apart. Check that it was not entered twice.',
    ru: 'Эта строка, возможно, повторяет строку {otherRow} ({otherLineId}): та же дата, сумма и контрагент, а номера, по которому их можно различить, нет. Проверьте, не внесена ли она дважды.',
    ky: 'Бул сап {otherRow}-сапты ({otherLineId}) кайталашы мүмкүн: күнү, суммасы жана контрагенти бирдей, аларды айырмалай турган номер жок. Эки жолу киргизилген эмесин текшериңиз.',
  },
  'receipt.cash_not_allowed': {
    en: 'Cash receipt: the rules of this election allow settlements by bank transfer only.',
    ru: 'Поступление наличными: по правилам этих выборов все расчёты ведутся только через банк.',
    ky: 'Накталай түшүү: бул шайлоонун эрежелери боюнча бардык эсептешүүлөр банк аркылуу гана жүргүзүлөт.',
  },
  'refund.receipt_not_found': {
    en: 'The refund refers to receipt “{receiptLineId}”, which is not in this report.',
    ru: 'Возврат ссылается на поступление «{receiptLineId}», которого в отчёте нет.',
    ky: 'Кайтаруу «{receiptLineId}» түшүүсүнө шилтеме кылат, бирок бул отчетто андай түшүү жок.',
  },
  'refund.exceeds_receipt': {
    en: 'Refunds of receipt “{receiptLineId}” come to {refunded}, more than the receipt itself ({receiptAmount}).',
    ru: 'Возвраты по поступлению «{receiptLineId}» составляют {refunded} — больше, чем само поступление ({receiptAmount}).',
    ky: '«{receiptLineId}» түшүүсү боюнча кайтаруулар {refunded} түзөт — бул түшүүнүн өзүнөн ({receiptAmount}) көп.',
  },
  'refund.before_receipt': {
    en: 'The refund is dated {date}, before the receipt “{receiptLineId}” it concerns ({receiptDate}).',
    ru: 'Возврат датирован {date} — раньше поступления «{receiptLineId}», к которому он относится ({receiptDate}).',
    ky: 'Кайтаруу {date} күнү менен белгиленген — бул ал тиешелүү болгон «{receiptLineId}» түшүүсүнөн ({receiptDate}) мурун.',
  },

  // ---- Importing lines from CSV / XLSX ----
  'import.not_utf8': {
    en: 'The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.',
    ru: 'Файл не в кодировке UTF-8. Сохраните его как «CSV UTF-8» и загрузите снова.',
    ky: 'Файл UTF-8 коддоосунда эмес. Аны «CSV UTF-8» катары сактап, кайра жүктөңүз.',
  },
  'import.archive_refused': ARCHIVE_REFUSED_MESSAGE,
  'import.unreadable': {
    en: 'The file could not be read: {detail}.',
    ru: 'Не удалось прочитать файл: {detail}.',
    ky: 'Файлды окуу мүмкүн болгон жок: {detail}.',
  },
  'import.no_sheets': {
    en: 'The workbook has none of the sheets Receipts, Expenditures and Refunds. Start from the template.',
    ru: 'В книге нет ни одного из листов Receipts, Expenditures и Refunds. Используйте шаблон.',
    ky: 'Китепте Receipts, Expenditures жана Refunds барактарынын бири да жок. Үлгүнү колдонуңуз.',
  },
  'import.no_header': {
    en: 'The first row must hold the column headers of the template.',
    ru: 'В первой строке должны быть заголовки столбцов шаблона.',
    ky: 'Биринчи сапта үлгүнүн тилкелеринин аталыштары болушу керек.',
  },
  'import.column_missing': {
    en: 'The required column is missing.',
    ru: 'Нет обязательного столбца.',
    ky: 'Милдеттүү тилке жок.',
  },
  'import.column_unknown': {
    en: 'This column is not in the template and was ignored.',
    ru: 'Этого столбца нет в шаблоне; он пропущен.',
    ky: 'Бул тилке үлгүдө жок, ошондуктан эске алынган жок.',
  },
  'import.column_duplicate': {
    en: 'This column appears twice; keep only one.',
    ru: 'Этот столбец встречается дважды; оставьте один.',
    ky: 'Бул тилке эки жолу кездешет; бирөөнү гана калтырыңыз.',
  },
  'import.value_required': {
    en: 'A value is required.',
    ru: 'Значение обязательно.',
    ky: 'Маани милдеттүү.',
  },
  'import.amount_invalid': {
    en: '“{value}” is not an amount in som with at most two decimals (for example 1500,50 or 1 500.50).',
    ru: '«{value}» — не сумма в сомах с не более чем двумя знаками после запятой (например, 1500,50 или 1 500.50).',
    ky: '«{value}» — үтүрдөн кийин эки белгиден ашпаган сом түрүндөгү сумма эмес (мисалы, 1500,50 же 1 500.50).',
  },
  'import.amount_not_positive': {
    en: 'The amount must be greater than zero (“{value}”).',
    ru: 'Сумма должна быть больше нуля («{value}»).',
    ky: 'Сумма нөлдөн чоң болушу керек («{value}»).',
  },
  'import.date_invalid': {
    en: '“{value}” is not a date; write 2020-09-15 or 15.09.2020.',
    ru: '«{value}» — не дата; укажите 2020-09-15 или 15.09.2020.',
    ky: '«{value}» — күн эмес; 2020-09-15 же 15.09.2020 түрүндө жазыңыз.',
  },
  'import.value_not_allowed': {
    en: '“{value}” is not one of the values of the list: {allowed}.',
    ru: '«{value}» нет в списке допустимых значений: {allowed}.',
    ky: '«{value}» уруксат берилген маанилердин тизмесинде жок: {allowed}.',
  },
});

export type FilingProblemCode = keyof typeof filingMessages;
export const FILING_PROBLEM_CODES = Object.keys(filingMessages) as FilingProblemCode[];

const isProblemCode = (code: string): code is FilingProblemCode => Object.hasOwn(filingMessages, code);

/** The params of a message that hold tyiyn, shown as som in the reader's locale. */
const MONEY_PARAMS: Partial<Record<FilingProblemCode, readonly string[]>> = {
  'amount.out_of_range': ['maximum'],
  'amount.too_large': ['maximum'],
  'balance.mismatch': ['opening', 'receipts', 'expenditures', 'refunds', 'expectedClosing', 'closing'],
  'balance.negative_closing': ['closing'],
  'totals.mismatch': ['declared', 'computed'],
  'refund.exceeds_receipt': ['refunded', 'receiptAmount'],
};

/** Where a problem is: a line of a section, or a sheet, row and column of an imported file. */
const locationMessages = defineMessages({
  'location.line': {
    en: '{sectionLabel}, line {row}',
    ru: '{sectionLabel}, строка {row}',
    ky: '{sectionLabel}, {row}-сап',
  },
  'location.lineWithId': {
    en: '{sectionLabel}, line {row} ({lineId})',
    ru: '{sectionLabel}, строка {row} ({lineId})',
    ky: '{sectionLabel}, {row}-сап ({lineId})',
  },
  'location.sheet': { en: 'Sheet “{sheet}”', ru: 'Лист «{sheet}»', ky: '«{sheet}» барагы' },
  'location.row': { en: 'row {row}', ru: 'строка {row}', ky: '{row}-сап' },
  'location.column': { en: 'column “{column}”', ru: 'столбец «{column}»', ky: '«{column}» тилкеси' },
});

/** The translator of problems: a message per problem code, and the words for where it is. */
const tp = translator(filingMessages, locationMessages);

const isSection = (s: unknown): s is keyof typeof sectionLabels => typeof s === 'string' && s in sectionLabels;

/** Params turned into the words of a locale: money as som, sections and fields as their labels. */
function localParams(problem: Problem, code: FilingProblemCode, locale: Locale): Record<string, string | number> {
  const raw = problem.params ?? {};
  const values: Record<string, string | number> = { ...raw };
  for (const name of MONEY_PARAMS[code] ?? []) {
    const v = raw[name];
    if (typeof v === 'number' && Number.isSafeInteger(v)) values[name] = formatSom(tyiyn(v), locale);
  }
  for (const name of ['section', 'otherSection'] as const) {
    const v = raw[name];
    if (isSection(v)) values[`${name}Label`] = sectionLabels[v][locale];
  }
  const kind = raw.reportKind;
  if (typeof kind === 'string' && kind in reportKindLabels) {
    values.reportKind = reportKindLabels[kind as keyof typeof reportKindLabels][locale];
  }
  if (problem.field !== undefined) values.field = fieldLabel(problem.field, locale);
  if (typeof raw.column === 'string') values.column = columnHeader(raw.column, locale);
  // A list of allowed values is given by its column, and shown in the words of the reader's template.
  const enumKey = raw.enum;
  if (typeof enumKey === 'string' && enumKey in enumLabels) {
    const labels = enumLabels[enumKey as keyof typeof enumLabels] as Record<string, Localized>;
    values.allowed = Object.values(labels)
      .map((l) => l[locale])
      .join('; ');
  }
  return values;
}

/** Where the problem is, in words: "Receipts, line 4 (R-17)" or "Sheet “Receipts”, row 5, column “Date”". */
function location(problem: Problem, values: Record<string, string | number>, locale: Locale): string {
  const section = problem.params?.section;
  if (problem.row !== undefined && section !== 'header' && isSection(section)) {
    return tp(locale, problem.params?.lineId !== undefined ? 'location.lineWithId' : 'location.line', {
      ...values,
      row: problem.row,
    });
  }
  const parts: string[] = [];
  if (section === 'header') parts.push(sectionLabels.header[locale]);
  if (problem.params?.sheet !== undefined) parts.push(tp(locale, 'location.sheet', values));
  if (problem.row !== undefined) parts.push(tp(locale, 'location.row', { row: problem.row }));
  if (problem.params?.column !== undefined) parts.push(tp(locale, 'location.column', values));
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A problem in words of the given locale, led by where it is. */
export function problemMessage(problem: Problem, locale: Locale): string {
  const code = problem.code;
  if (!isProblemCode(code)) return problem.message;
  const values = localParams(problem, code, locale);
  try {
    const body = tp(locale, code, values);
    const where = location(problem, values, locale);
    return where === '' ? body : `${where}: ${body}`;
  } catch {
    // A stored problem whose params no longer fit the catalogue still shows its original English text
    // rather than breaking the page; the catalogue test makes sure fresh problems always format.
    return problem.message;
  }
}

/** A problem of this catalogue, with its English message filled in. */
export function filingProblem(
  code: FilingProblemCode,
  where: Omit<Problem, 'code' | 'message'> & { severity: 'error' | 'warning' },
): Problem {
  const p: Problem = { code, message: '', ...where };
  p.message = problemMessage(p, 'en');
  return p;
}
