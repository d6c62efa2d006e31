// Labels of statement intake, reconciliation and the bank figures on party pages, in Kyrgyz, Russian and
// English; also the problems intake and the parsers report, by code, so that a refused upload is
// explained in the uploader's language (messages without a translation fall back to the English text).
// Problem codes are looked up at run time (`t.lookup`); every other key is checked by the compiler.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';

export const bankStatementMessages = defineMessages({
  'bank.crumb.account': { ky: 'Менин аккаунтум', ru: 'Мой аккаунт', en: 'My account' },
  // ---- upload page
  'bank.upload.title': { ky: 'Банк көчүрмөлөрү', ru: 'Банковские выписки', en: 'Bank statements' },
  'bank.upload.intro': {
    ky: 'Шайлоо фонддорунун эсептери боюнча көчүрмөлөрдү жүктөңүз: camt.053 (XML), MT940 же 1C. Формат файлдын мазмунунан аныкталат.',
    ru: 'Загрузите выписки по счетам избирательных фондов: camt.053 (XML), MT940 или 1C. Формат определяется по содержимому файла.',
    en: 'Upload statements of electoral fund accounts: camt.053 (XML), MT940 or 1C. The format is recognised from the file’s content.',
  },
  'bank.upload.file': { ky: 'Көчүрмө файлы', ru: 'Файл выписки', en: 'Statement file' },
  'bank.upload.bank': { ky: 'Банк (коду)', ru: 'Банк (код)', en: 'Bank (code)' },
  'bank.upload.bankHint': {
    ky: 'БШКнын кызматкерлери үчүн гана: кайсы банктын атынан жүктөлөт.',
    ru: 'Только для сотрудников ЦИК: от имени какого банка загружается выписка.',
    en: 'Commission staff only: the bank on whose behalf the statement is uploaded.',
  },
  'bank.upload.submit': { ky: 'Жүктөө', ru: 'Загрузить', en: 'Upload' },
  'bank.upload.received': {
    ky: '{n, plural, other {# көчүрмө кабыл алынды}}.',
    ru: '{n, plural, one {Принята # выписка} few {Приняты # выписки} other {Принято # выписок}}.',
    en: '{n, plural, one {# statement received} other {# statements received}}.',
  },
  'bank.upload.alreadyReceived': {
    ky: 'Бул көчүрмө мурун эле кабыл алынган; кайра сакталган жок.',
    ru: 'Эта выписка уже была получена; повторно она не сохранена.',
    en: 'This statement was already received; it was not stored again.',
  },
  'bank.upload.refused': {
    ky: 'Файл кабыл алынган жок; эч нерсе сакталган жок.',
    ru: 'Файл не принят; ничего не сохранено.',
    en: 'The file was refused; nothing was saved.',
  },
  'bank.upload.recent': {
    ky: 'Акыркы кабыл алынган көчүрмөлөр',
    ru: 'Последние полученные выписки',
    en: 'Statements received lately',
  },
  'bank.upload.none': { ky: 'Азырынча көчүрмө жок.', ru: 'Выписок пока нет.', en: 'No statements yet.' },
  'bank.upload.status.received': { ky: 'кабыл алынды', ru: 'принята', en: 'received' },
  'bank.upload.status.already_received': { ky: 'мурун кабыл алынган', ru: 'уже была получена', en: 'already received' },

  'bank.where.row': { ky: '{row}-сап', ru: 'строка {row}', en: 'line {row}' },
  'bank.where.field': { ky: '«{field}» элементи', ru: 'элемент «{field}»', en: 'element “{field}”' },
  'bank.where.file': { ky: 'файл', ru: 'файл', en: 'file' },

  // ---- columns
  'bank.col.account': { ky: 'Эсеп', ru: 'Счёт', en: 'Account' },
  'bank.col.bank': { ky: 'Банк', ru: 'Банк', en: 'Bank' },
  'bank.col.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'bank.col.election': { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  'bank.col.number': { ky: 'Номери', ru: 'Номер', en: 'Number' },
  'bank.col.period': { ky: 'Мезгили', ru: 'Период', en: 'Period' },
  'bank.col.opening': { ky: 'Башкы калдык', ru: 'Входящий остаток', en: 'Opening balance' },
  'bank.col.closing': { ky: 'Акыркы калдык', ru: 'Исходящий остаток', en: 'Closing balance' },
  'bank.col.transactions': { ky: 'Операциялар', ru: 'Операций', en: 'Transactions' },
  'bank.col.format': { ky: 'Формат', ru: 'Формат', en: 'Format' },
  'bank.col.uploaded': { ky: 'Жүктөлгөн', ru: 'Загружена', en: 'Uploaded' },
  'bank.col.original': { ky: 'Түп нуска', ru: 'Оригинал', en: 'Original' },
  'bank.col.status': { ky: 'Абалы', ru: 'Статус', en: 'Status' },
  'bank.col.date': { ky: 'Күнү', ru: 'Дата', en: 'Date' },
  'bank.col.amount': { ky: 'Суммасы', ru: 'Сумма', en: 'Amount' },
  'bank.col.counterparty': { ky: 'Контрагент', ru: 'Контрагент', en: 'Counterparty' },
  'bank.col.reference': { ky: 'Шилтеме', ru: 'Ссылка', en: 'Reference' },
  'bank.col.channel': { ky: 'Төлөө жолу', ru: 'Способ оплаты', en: 'Channel' },
  'bank.col.purpose': { ky: 'Төлөмдүн максаты', ru: 'Назначение платежа', en: 'Purpose' },
  'bank.col.balance': { ky: 'Калдык', ru: 'Остаток', en: 'Balance' },
  'bank.col.received': { ky: 'Түшкөнү', ru: 'Поступило', en: 'Received' },
  'bank.col.spent': { ky: 'Сарпталганы', ru: 'Израсходовано', en: 'Spent' },
  'bank.col.openedOn': { ky: 'Ачылган күнү', ru: 'Дата открытия', en: 'Opened on' },
  'bank.col.registeredBy': { ky: 'Каттаган', ru: 'Зарегистрировал', en: 'Registered by' },
  'bank.download': { ky: 'жүктөп алуу', ru: 'скачать', en: 'download' },

  // ---- account registration
  'bank.accounts.title': {
    ky: 'Шайлоо фонддорунун эсептери',
    ru: 'Счета избирательных фондов',
    en: 'Electoral fund accounts',
  },
  'bank.accounts.intro': {
    ky: 'Банктар көчүрмөлөрдү БШК каттаган эсептер боюнча гана жөнөтө алат.',
    ru: 'Банки могут присылать выписки только по счетам, зарегистрированным ЦИК.',
    en: 'Banks may send statements only for accounts the commission has registered.',
  },
  'bank.accounts.register': { ky: 'Эсепти каттоо', ru: 'Зарегистрировать счёт', en: 'Register an account' },
  'bank.accounts.registered': {
    ky: '{account} эсеби катталды.',
    ru: 'Счёт {account} зарегистрирован.',
    en: 'Account {account} registered.',
  },
  'bank.field.electionId': { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  'bank.field.partyRegistrationNumber': {
    ky: 'Партиянын каттоо номери',
    ru: 'Регистрационный номер партии',
    en: 'Party registration number',
  },
  'bank.field.bank': { ky: 'Банктын коду', ru: 'Код банка', en: 'Bank code' },
  'bank.field.accountNumber': { ky: 'Эсептин номери', ru: 'Номер счёта', en: 'Account number' },
  'bank.field.currency': { ky: 'Валюта', ru: 'Валюта', en: 'Currency' },
  'bank.field.openedOn': {
    ky: 'Ачылган күнү (ЖЖЖЖ-АА-КК)',
    ru: 'Дата открытия (ГГГГ-ММ-ДД)',
    en: 'Opened on (YYYY-MM-DD)',
  },
  'bank.field.file': { ky: 'Файл', ru: 'Файл', en: 'File' },

  // ---- reconciliation screen
  'bank.recon.title': { ky: 'Банк менен салыштыруу', ru: 'Сверка с банком', en: 'Bank reconciliation' },
  'bank.recon.chooseElection': { ky: 'Шайлоону тандаңыз.', ru: 'Выберите выборы.', en: 'Choose an election.' },
  'bank.recon.intro': {
    ky: 'Банк көчүрмөлөрүндөгү операциялар партиялардын отчетторундагы саптар менен сумма, күн (±{days} күн), контрагенттин идентификатору жана аты боюнча салыштырылат.',
    ru: 'Операции из банковских выписок сопоставлены со строками отчётов партий по сумме, дате (±{days} дн.), идентификатору и имени контрагента.',
    en: 'Bank transactions are matched to the lines of the parties’ reports by amount, date (±{days} days), counterparty identifier and name.',
  },
  'bank.recon.warnings': {
    ky: 'Көчүрмөлөр боюнча эскертүүлөр',
    ru: 'Предупреждения по выпискам',
    en: 'Warnings about statements',
  },
  'bank.recon.warn.foreignCurrency': {
    ky: '{account} эсебинин {number} көчүрмөсү ({period}) {currency} валютасында (акыркы калдык {closing}): ал салыштырууга жана сом менен эсептелген суммаларга кирбейт.',
    ru: 'Выписка {number} по счёту {account} ({period}) в валюте {currency} (исходящий остаток {closing}): она не входит в сверку и в суммы, которые считаются в сомах.',
    en: 'Statement {number} of account {account} ({period}) is in {currency} (closing balance {closing}): it is left out of the reconciliation and of the figures, which are in som.',
  },
  'bank.recon.warn.negativeClosing': {
    ky: '{account} эсебинин {number} көчүрмөсү ({period}) терс калдык менен бүтөт: {closing}. Шайлоо фондунун эсебинде терс калдык болушу мүмкүн эмес.',
    ru: 'Выписка {number} по счёту {account} ({period}) закрывается с отрицательным остатком {closing}. Счёт избирательного фонда не может уйти в минус.',
    en: 'Statement {number} of account {account} ({period}) closes with a negative balance of {closing}. An electoral fund account cannot be overdrawn.',
  },
  'bank.recon.noRun': {
    ky: 'Бул партия боюнча салыштыруу жок.',
    ru: 'По этой партии сверки нет.',
    en: 'No reconciliation for this party yet.',
  },
  'bank.recon.noParties': {
    ky: 'Катталган эсептер жок.',
    ru: 'Зарегистрированных счетов нет.',
    en: 'No registered accounts.',
  },
  'bank.recon.ranAt': {
    ky: 'Салыштыруу: {when} ({trigger})',
    ru: 'Сверка: {when} ({trigger})',
    en: 'Reconciled: {when} ({trigger})',
  },
  'bank.recon.trigger.statement': { ky: 'көчүрмө келгенде', ru: 'по новой выписке', en: 'new statement' },
  'bank.recon.trigger.filing': { ky: 'отчет келгенде', ru: 'по новому отчёту', en: 'new report' },
  'bank.recon.trigger.manual': { ky: 'кол менен', ru: 'вручную', en: 'by hand' },
  'bank.recon.trigger.demo': { ky: 'демо', ru: 'демо', en: 'demo' },
  'bank.recon.rerun': { ky: 'Кайра салыштыруу', ru: 'Повторить сверку', en: 'Reconcile again' },
  'bank.recon.kind.matched': { ky: 'Дал келди', ru: 'Совпало', en: 'Matched' },
  'bank.recon.kind.unreported': {
    ky: 'Банкта бар, отчетто жок',
    ru: 'В банке есть, в отчётах нет',
    en: 'In the bank, in no report',
  },
  'bank.recon.kind.unsupported': {
    ky: 'Отчетто бар, банкта жок',
    ru: 'В отчёте есть, в банке нет',
    en: 'In a report, not in the bank',
  },
  'bank.recon.kind.amount_mismatch': { ky: 'Суммасы айырмаланат', ru: 'Не совпадает сумма', en: 'Amount differs' },
  'bank.recon.kind.date_mismatch': { ky: 'Күнү айырмаланат', ru: 'Не совпадает дата', en: 'Date differs' },
  'bank.recon.kind.cash': { ky: 'Накталай (тыюу салынган)', ru: 'Наличные (запрещены)', en: 'Cash (not allowed)' },
  'bank.recon.direction.in': { ky: 'түшүү', ru: 'поступление', en: 'in' },
  'bank.recon.direction.out': { ky: 'чыгым', ru: 'расход', en: 'out' },
  'bank.recon.bankSide': { ky: 'Банк', ru: 'Банк', en: 'Bank' },
  'bank.recon.reportSide': { ky: 'Отчет', ru: 'Отчёт', en: 'Report' },
  'bank.recon.difference': { ky: 'Айырма', ru: 'Разница', en: 'Difference' },
  'bank.recon.details': {
    ky: 'бардык жуптар, эки тарабы менен',
    ru: 'все пары с обеими сторонами',
    en: 'every pair with both sides',
  },
  'bank.recon.allParties': {
    ky: 'Бардык партиялар: {election}',
    ru: 'Все партии: {election}',
    en: 'All parties: {election}',
  },
  'bank.recon.nothing': { ky: 'жок', ru: 'нет', en: 'none' },
  'bank.recon.line': {
    ky: '{section}, сап {lineId}',
    ru: '{section}, строка {lineId}',
    en: '{section}, line {lineId}',
  },
  'bank.recon.section.receipts': { ky: 'Түшүүлөр', ru: 'Поступления', en: 'Receipts' },
  'bank.recon.section.expenditures': { ky: 'Чыгымдар', ru: 'Расходы', en: 'Expenditures' },
  'bank.recon.section.refunds': { ky: 'Кайтарылгандар', ru: 'Возвраты', en: 'Refunds' },
  'bank.recon.publication': { ky: 'Жарыялоо', ru: 'Публикация', en: 'Publication' },
  'bank.recon.published': {
    ky: 'Отчетто жок банк операцияларынын тизмеси партиялардын барактарында жарыяланган.',
    ru: 'Список банковских операций, которых нет в отчётах, опубликован на страницах партий.',
    en: 'The list of bank transactions in no report is published on the party pages.',
  },
  'bank.recon.notPublished': {
    ky: 'Отчетто жок банк операцияларынын тизмеси жарыялана элек.',
    ru: 'Список банковских операций, которых нет в отчётах, не опубликован.',
    en: 'The list of bank transactions in no report is not published.',
  },
  'bank.recon.publish': { ky: 'Жарыялоо', ru: 'Опубликовать', en: 'Publish' },
  'bank.recon.unpublish': { ky: 'Жарыялоону токтотуу', ru: 'Снять с публикации', en: 'Withdraw from publication' },
  'bank.recon.history': { ky: 'Жарыялоонун тарыхы', ru: 'История публикации', en: 'Publication history' },
  'bank.recon.on': { ky: 'жарыяланды', ru: 'опубликовано', en: 'published' },
  'bank.recon.off': { ky: 'токтотулду', ru: 'снято', en: 'withdrawn' },
  'bank.recon.evidence.identifier': { ky: 'ИНН/ПИН дал келди', ru: 'совпал ИНН/ПИН', en: 'INN/PIN matches' },
  'bank.recon.evidence.name': { ky: 'аттары окшош', ru: 'имена совпадают', en: 'names alike' },
  'bank.recon.evidence.amount_and_date': {
    ky: 'сумма жана күн гана',
    ru: 'только сумма и дата',
    en: 'amount and date only',
  },
  'bank.recon.slip.one_digit': { ky: 'бир цифра башка', ru: 'одна цифра другая', en: 'one digit differs' },
  'bank.recon.slip.digits_swapped': {
    ky: 'эки цифранын орду алмашкан',
    ru: 'переставлены две цифры',
    en: 'two digits swapped',
  },
  'bank.recon.slip.factor_10': { ky: '10 эсе айырма', ru: 'разница в 10 раз', en: 'off by a factor of 10' },
  'bank.recon.slip.factor_100': { ky: '100 эсе айырма', ru: 'разница в 100 раз', en: 'off by a factor of 100' },
  'bank.recon.slip.within_5_percent': { ky: '5 %дан аз айырма', ru: 'разница до 5 %', en: 'within 5 %' },
  'bank.recon.evidence.days': { ky: '{days} күн айырма', ru: 'разница {days} дн.', en: '{days} days apart' },

  // ---- public section on the party page
  'bank.section.title': { ky: 'Банк эмне деп билдирди', ru: 'Что сообщил банк', en: 'What the bank reported' },
  'bank.section.asOf': {
    ky: '{date} абалы боюнча, акыркы көчүрмө',
    ru: 'по состоянию на {date}, последняя выписка',
    en: 'as of {date}, the latest statement',
  },
  'bank.section.none': {
    ky: 'Бул партиянын шайлоо фонду боюнча банк көчүрмөсү азырынча келген жок.',
    ru: 'Банковских выписок по избирательному фонду этой партии пока нет.',
    en: 'No bank statement of this party’s electoral fund has arrived yet.',
  },
  'bank.section.bank': { ky: 'Банк боюнча', ru: 'По данным банка', en: 'Bank' },
  'bank.section.reported': { ky: 'Отчет боюнча', ru: 'По отчётам', en: 'Reported' },
  'bank.section.difference': { ky: 'Айырма', ru: 'Разница', en: 'Difference' },
  'bank.section.figure': { ky: 'Көрсөткүч', ru: 'Показатель', en: 'Figure' },
  'bank.section.reportedAsOf': {
    ky: 'Отчеттордун акыркы версиялары боюнча, {date} чейинки саптар.',
    ru: 'По последним версиям отчётов, строки по {date} включительно.',
    en: 'From the latest versions of the reports, lines up to {date}.',
  },
  'bank.section.unreported': {
    ky: 'Банкта бар, бирок эч бир отчетто жок акча',
    ru: 'Деньги, которые есть в банке, но нет ни в одном отчёте',
    en: 'Money in the bank that is in no report',
  },
  'bank.section.unreportedNone': {
    ky: 'Мындай операция жок.',
    ru: 'Таких операций нет.',
    en: 'There are no such transactions.',
  },
  'bank.section.unreportedHidden': {
    ky: 'БШК бул шайлоо боюнча отчетто жок операциялардын тизмесин жарыялай элек.',
    ru: 'ЦИК ещё не опубликовала список операций, которых нет в отчётах, по этим выборам.',
    en: 'The commission has not published the list of transactions in no report for this election.',
  },
  'bank.section.chart': {
    ky: 'Эсептеги калдык (банктын маалыматы боюнча)',
    ru: 'Остаток на счёте (по данным банка)',
    en: 'Account balance (bank data)',
  },
  'bank.section.downloads': { ky: 'Маалыматтар', ru: 'Данные', en: 'Data' },
  'bank.section.privateId': { ky: 'жеке номер жашырылган', ru: 'личный номер скрыт', en: 'personal number withheld' },

  // ---- problems of intake
  'bank.problem.intake.balance_missing': {
    ky: '{statement}-көчүрмөдө башкы же акыркы калдык жок.',
    ru: 'В выписке {statement} нет входящего или исходящего остатка.',
    en: 'Statement {statement} has no opening or closing balance.',
  },
  'bank.problem.intake.amount_precision': {
    ky: '{statement}-көчүрмө: {amount} суммасы тыйындын бүтүн санына барабар эмес.',
    ru: 'Выписка {statement}: сумма {amount} не выражается целым числом тыйынов.',
    en: 'Statement {statement}: the amount {amount} is not a whole number of tyiyn.',
  },
  'bank.problem.intake.transaction_currency': {
    ky: '{statement}-көчүрмөнүн {transaction}-операциясы башка валютада ({currency}).',
    ru: 'Операция {transaction} выписки {statement} в другой валюте ({currency}).',
    en: 'Transaction {transaction} of statement {statement} is in another currency ({currency}).',
  },
  'bank.problem.intake.transaction_outside_period': {
    ky: '{statement}-көчүрмөнүн {transaction}-операциясы {date} күнү жазылган, көчүрмөнүн мезгилинен ({from} – {to}) тышкары.',
    ru: 'Операция {transaction} выписки {statement} проведена {date}, вне периода выписки ({from} – {to}).',
    en: 'Transaction {transaction} of statement {statement} is booked on {date}, outside the statement’s period ({from} – {to}).',
  },
  'bank.problem.intake.period_reversed': {
    ky: '{statement}-көчүрмө башталышынан ({from}) мурун бүтөт ({to}).',
    ru: 'Выписка {statement} заканчивается ({to}) раньше, чем начинается ({from}).',
    en: 'Statement {statement} ends ({to}) before it begins ({from}).',
  },
  'bank.problem.intake.unbalanced': {
    ky: '{statement}-көчүрмө туура эсептелбейт: башкы калдык {opening} жана операциялар {expected} берет, ал эми акыркы калдык {closing}.',
    ru: 'Выписка {statement} не сходится: входящий остаток {opening} с операциями даёт {expected}, а исходящий остаток {closing}.',
    en: 'Statement {statement} does not add up: opening balance {opening} with its transactions gives {expected}, but the closing balance is {closing}.',
  },
  'bank.problem.intake.currency': {
    ky: '{statement}-көчүрмө {currency} валютасында, ал эми эсеп {expected} валютасында.',
    ru: 'Выписка {statement} в валюте {currency}, а счёт — в {expected}.',
    en: 'Statement {statement} is in {currency}; the account is in {expected}.',
  },
  'bank.problem.intake.currency_not_kgs': {
    ky: '{statement}-көчүрмө {currency} валютасында. Шайлоо фонду мыйзам боюнча {expected} менен гана жүргүзүлөт: башка валютадагы көчүрмө кабыл алынбайт жана фонддун суммаларына кошулбайт.',
    ru: 'Выписка {statement} в валюте {currency}. Избирательный фонд по закону ведётся только в {expected}: выписка в другой валюте не принимается и не складывается с суммами фонда.',
    en: 'Statement {statement} is in {currency}. By law an electoral fund is kept only in {expected}: a statement in another currency is not taken or added to the fund’s figures.',
  },
  'bank.problem.intake.before_account_opened': {
    ky: '{statement}-көчүрмө {from} күнү башталат, бул {account} эсеби ачылган күндөн ({openedOn}) мурун. Эсеп ачылганга чейин көчүрмө болушу мүмкүн эмес.',
    ru: 'Выписка {statement} начинается {from}, раньше открытия счёта {account} ({openedOn}). До открытия счёта выписок быть не может.',
    en: 'Statement {statement} begins on {from}, before account {account} was opened ({openedOn}). There can be no statements before the account was opened.',
  },
  'bank.problem.intake.negative_closing': {
    ky: '{account} эсебинин {statement}-көчүрмөсү {to} күнү терс калдык менен бүтөт: {closing}. Шайлоо фондунун эсебинде терс калдык болушу мүмкүн эмес.',
    ru: 'Выписка {statement} по счёту {account} закрывается {to} с отрицательным остатком {closing}. Счёт избирательного фонда не может уйти в минус.',
    en: 'Statement {statement} of account {account} closes on {to} with a negative balance of {closing}. An electoral fund account cannot be overdrawn.',
  },
  'bank.problem.intake.first_opening_not_zero': {
    ky: '{statement}-көчүрмө {account} эсебинин биринчи көчүрмөсү, бирок башкы калдыгы {opening}, 0.00 эмес.',
    ru: 'Выписка {statement} — первая по счёту {account}, но её входящий остаток {opening}, а не 0.00.',
    en: 'Statement {statement} is the first of account {account}, but its opening balance is {opening}, not 0.00.',
  },
  'bank.problem.intake.date_gap': {
    ky: '{statement}-көчүрмөгө чейин үзгүлтүк бар: {from} – {to} күндөрү үчүн көчүрмө жок.',
    ru: 'Перед выпиской {statement} пропуск: нет выписок за {from} – {to}.',
    en: 'There is a gap before statement {statement}: no statements for {from} – {to}.',
  },
  'bank.problem.intake.date_overlap': {
    ky: '{statement}-көчүрмө {from} күнү башталат, мурунку көчүрмө {previousTo} күнү бүткөнгө чейин.',
    ru: 'Выписка {statement} начинается {from}, раньше окончания предыдущей выписки ({previousTo}).',
    en: 'Statement {statement} begins on {from}, before the previous statement ended ({previousTo}).',
  },
  'bank.problem.intake.number_gap': {
    ky: '{number} номерлүү көчүрмө акыркы кабыл алынган {previous} номеринен кийин келбейт: ортосундагы көчүрмөлөр жок.',
    ru: 'Выписка № {number} не следует за последней полученной № {previous}: промежуточных выписок нет.',
    en: 'Statement number {number} does not follow number {previous}, the last one received: the ones between are missing.',
  },
  'bank.problem.intake.number_taken': {
    ky: '{number} номерлүү көчүрмө бул эсеп боюнча башка мазмун менен мурун эле кабыл алынган.',
    ru: 'Выписка № {number} по этому счёту уже получена с другим содержимым.',
    en: 'Statement number {number} was already received for this account with different content.',
  },
  'bank.problem.intake.opening_mismatch': {
    ky: '{statement}-көчүрмөнүн башкы калдыгы {opening}, ал эми мурунку көчүрмөнүн акыркы калдыгы {previousClosing}.',
    ru: 'Входящий остаток выписки {statement} — {opening}, а исходящий остаток предыдущей выписки — {previousClosing}.',
    en: 'Statement {statement} opens with {opening}, but the previous statement closed with {previousClosing}.',
  },
  'bank.problem.intake.account_not_registered': {
    ky: '{account} эсеби шайлоо фондунун катталган эсеби эмес.',
    ru: 'Счёт {account} не зарегистрирован как счёт избирательного фонда.',
    en: 'Account {account} is not a registered electoral fund account.',
  },
  'bank.problem.intake.election_not_current': {
    ky: '{account} эсеби жабылган шайлоолор үчүн гана катталган.',
    ru: 'Счёт {account} зарегистрирован только для завершённых выборов.',
    en: 'Account {account} is registered only for elections that are closed.',
  },
  'bank.problem.intake.account_other_bank': {
    ky: '{account} эсеби башка банкта; {bank} ал боюнча көчүрмө жөнөтө албайт.',
    ru: 'Счёт {account} открыт в другом банке; {bank} не может присылать по нему выписки.',
    en: 'Account {account} is at another bank; {bank} may not send statements for it.',
  },
  'bank.problem.intake.no_statements': {
    ky: 'Файлда көчүрмө жок.',
    ru: 'В файле нет выписок.',
    en: 'The file holds no statement.',
  },
  'bank.problem.intake.concurrent_upload': {
    ky: 'Ушул эле учурда бул эсеп боюнча башка көчүрмө кабыл алынды; файлды кайра жөнөтүңүз.',
    ru: 'В тот же момент по этому счёту принята другая выписка; отправьте файл ещё раз.',
    en: 'Another statement for this account arrived at the same moment; send the file again.',
  },
  'bank.problem.intake.file_missing': { ky: 'Файл тандалган жок.', ru: 'Файл не выбран.', en: 'No file was chosen.' },
  'bank.problem.intake.too_large': {
    ky: 'Файл өтө чоң.',
    ru: 'Файл слишком большой.',
    en: 'The file is too large.',
  },
  'bank.problem.intake.bank_required': {
    ky: 'Кайсы банктын атынан жүктөлөөрүн көрсөтүңүз.',
    ru: 'Укажите, от имени какого банка загружается выписка.',
    en: 'Say on behalf of which bank the statement is uploaded.',
  },
  'bank.problem.account.election_not_found': {
    ky: 'Мындай шайлоо жок.',
    ru: 'Таких выборов нет.',
    en: 'There is no such election.',
  },
  'bank.problem.account.election_closed': {
    ky: 'Бул шайлоо жабылган.',
    ru: 'Эти выборы завершены.',
    en: 'This election is closed.',
  },
  'bank.problem.account.party_not_in_election': {
    ky: '{party} партиясы бул шайлоого катышпайт.',
    ru: 'Партия {party} не участвует в этих выборах.',
    en: 'Party {party} does not stand in this election.',
  },
  'bank.problem.account.already_registered': {
    ky: '{account} эсеби бул шайлоо үчүн катталган ({party}, {bank}).',
    ru: 'Счёт {account} уже зарегистрирован для этих выборов ({party}, {bank}).',
    en: 'Account {account} is already registered for this election ({party}, {bank}).',
  },
  'bank.problem.account.currency_not_kgs': {
    ky: 'Эсеп {currency} валютасында. Шайлоо фонду мыйзам боюнча {expected} менен гана жүргүзүлөт; {expected} эсебин каттаңыз.',
    ru: 'Счёт в валюте {currency}. Избирательный фонд по закону ведётся только в {expected}; зарегистрируйте счёт в {expected}.',
    en: 'The account is in {currency}. By law an electoral fund is kept only in {expected}; register an account in {expected}.',
  },
  'bank.problem.generic.invalid': { ky: 'туура эмес маани', ru: 'неверное значение', en: 'not a valid value' },
  'bank.problem.generic.too_short': { ky: 'толтурулган жок', ru: 'не заполнено', en: 'missing' },

  // ---- problems of the parsers (row and element are shown beside the text)
  'bank.problem.statement.format_unknown': {
    ky: 'Файл платформа окуй турган көчүрмө форматында эмес (camt.053, MT940, 1C).',
    ru: 'Файл не в формате выписки, который читает платформа (camt.053, MT940, 1C).',
    en: 'The file is not a statement format this platform reads (camt.053, MT940, 1C).',
  },
  'bank.problem.statement.format_refused': {
    ky: 'Бул camt.053 көчүрмөсү эмес (camt.052 же camt.054); банктан camt.053 сураңыз.',
    ru: 'Это не выписка camt.053 (а camt.052 или camt.054); запросите у банка camt.053.',
    en: 'This is not a camt.053 statement (it is camt.052 or camt.054); ask the bank for camt.053.',
  },
  'bank.problem.statement.mapping_required': {
    ky: 'CSV жана XLSX көчүрмөлөрү бул жерде кабыл алынбайт; camt.053, MT940 же 1C жөнөтүңүз.',
    ru: 'Выписки CSV и XLSX здесь не принимаются; пришлите camt.053, MT940 или 1C.',
    en: 'CSV and XLSX statements are not taken here; send camt.053, MT940 or 1C.',
  },
  'bank.problem.statement.incomplete': {
    ky: '{statement}-көчүрмөнү колдонууга болбойт: эсеп, валюта же мезгил жок.',
    ru: 'Выписку {statement} нельзя использовать: нет счёта, валюты или периода.',
    en: 'Statement {statement} cannot be used: no account, currency or period.',
  },
  'bank.problem.statement.read_failed': {
    ky: 'Файл аягына чейин окулган жок.',
    ru: 'Файл не удалось прочитать до конца.',
    en: 'The file could not be read to its end.',
  },
  'bank.problem.parser.internal_error': {
    ky: 'Файлды окууда күтүлбөгөн ката.',
    ru: 'Непредвиденная ошибка при чтении файла.',
    en: 'An unexpected error while reading the file.',
  },
  'bank.problem.xml.malformed': {
    ky: 'XML туура эмес түзүлгөн.',
    ru: 'XML построен неверно.',
    en: 'The XML is malformed.',
  },
  'bank.problem.xml.declaration_refused': {
    ky: 'DOCTYPE же ENTITY бар XML кабыл алынбайт.',
    ru: 'XML с DOCTYPE или ENTITY не принимается.',
    en: 'XML with a DOCTYPE or ENTITY is not accepted.',
  },
  'bank.problem.xml.too_large': { ky: 'XML өтө чоң.', ru: 'XML слишком большой.', en: 'The XML is too large.' },
  'bank.problem.xml.too_deep': {
    ky: 'XML өтө терең.',
    ru: 'XML слишком глубоко вложен.',
    en: 'The XML is nested too deeply.',
  },
  'bank.problem.xml.too_many_nodes': {
    ky: 'XMLде элементтер өтө көп.',
    ru: 'В XML слишком много элементов.',
    en: 'The XML has too many elements.',
  },
  'bank.problem.xml.node_too_large': {
    ky: 'XML элементи өтө чоң.',
    ru: 'Элемент XML слишком большой.',
    en: 'An XML element is too large.',
  },
  'bank.problem.xml.empty': { ky: 'XML бош.', ru: 'XML пуст.', en: 'The XML is empty.' },
  'bank.problem.xml.encoding_unsupported': {
    ky: 'XMLдин коддоосу колдоого алынбайт.',
    ru: 'Кодировка XML не поддерживается.',
    en: 'The XML’s encoding is not supported.',
  },
  'bank.problem.camt053.other_message': {
    ky: 'Бул camt.053 билдирүүсү эмес.',
    ru: 'Это не сообщение camt.053.',
    en: 'This is not a camt.053 message.',
  },
  'bank.problem.camt053.not_a_statement': {
    ky: 'Бул camt.053 көчүрмөсү эмес.',
    ru: 'Это не выписка camt.053.',
    en: 'This is not a camt.053 statement.',
  },
  'bank.problem.camt053.no_statements': {
    ky: 'Документте көчүрмө (Stmt) жок.',
    ru: 'В документе нет выписок (Stmt).',
    en: 'The document holds no statement (Stmt).',
  },
  'bank.problem.camt053.unknown_version': {
    ky: 'camt.053 версиясы белгисиз.',
    ru: 'Неизвестная версия camt.053.',
    en: 'Unknown camt.053 version.',
  },
  'bank.problem.camt053.amount_missing': { ky: 'Сумма жок.', ru: 'Нет суммы.', en: 'The amount is missing.' },
  'bank.problem.camt053.direction_invalid': {
    ky: 'Кредит же дебет көрсөтүлгөн эмес (CdtDbtInd).',
    ru: 'Не указано, кредит или дебет (CdtDbtInd).',
    en: 'Credit or debit is not stated (CdtDbtInd).',
  },
  'bank.problem.camt053.booking_date_missing': {
    ky: 'Операциянын күнү жок (BookgDt).',
    ru: 'Нет даты проводки (BookgDt).',
    en: 'The booking date is missing (BookgDt).',
  },
  'bank.problem.camt053.currency_invalid': {
    ky: 'Валюта туура эмес.',
    ru: 'Неверная валюта.',
    en: 'The currency is not valid.',
  },
  'bank.problem.camt053.currency_missing': { ky: 'Валюта жок.', ru: 'Нет валюты.', en: 'The currency is missing.' },
  'bank.problem.camt053.date_invalid': { ky: 'Күнү туура эмес.', ru: 'Неверная дата.', en: 'The date is not valid.' },
  'bank.problem.camt053.details_amount_missing': {
    ky: 'Операциянын майда-чүйдөсүндө сумма жок.',
    ru: 'В деталях операции нет суммы.',
    en: 'A transaction detail has no amount.',
  },
  'bank.problem.camt053.entry_not_booked': {
    ky: 'Операция жазыла элек (BOOK эмес).',
    ru: 'Операция не проведена (не BOOK).',
    en: 'The entry is not booked (not BOOK).',
  },
  'bank.problem.mt940.no_statements': {
    ky: 'Файлда MT940 көчүрмөсү жок.',
    ru: 'В файле нет выписок MT940.',
    en: 'The file holds no MT940 statement.',
  },
  'bank.problem.mt940.account_missing': {
    ky: ':25: эсеп талаасы бош.',
    ru: 'Поле счёта :25: пусто.',
    en: 'The :25: account field is empty.',
  },
  'bank.problem.mt940.balance_invalid': {
    ky: 'Калдык туура эмес жазылган.',
    ru: 'Остаток записан неверно.',
    en: 'A balance is not valid.',
  },
  'bank.problem.mt940.control_characters': {
    ky: 'Файлда башкаруучу белгилер бар.',
    ru: 'В файле есть управляющие символы.',
    en: 'The file has control characters.',
  },
  'bank.problem.mt940.currency_missing': { ky: 'Валюта жок.', ru: 'Нет валюты.', en: 'The currency is missing.' },
  'bank.problem.mt940.date_invalid': { ky: 'Мындай күн жок.', ru: 'Такой даты нет.', en: 'The date does not exist.' },
  'bank.problem.mt940.date_missing': { ky: 'Күнү жок.', ru: 'Нет даты.', en: 'The date is missing.' },
  'bank.problem.mt940.details_malformed': {
    ky: ':86: талаасы туура эмес.',
    ru: 'Поле :86: построено неверно.',
    en: 'The :86: field is malformed.',
  },
  'bank.problem.mt940.field_too_long': {
    ky: 'Талаа өтө узун.',
    ru: 'Поле слишком длинное.',
    en: 'A field is too long.',
  },
  'bank.problem.mt940.line_too_long': { ky: 'Сап өтө узун.', ru: 'Строка слишком длинная.', en: 'A line is too long.' },
  'bank.problem.mt940.statement_line_invalid': {
    ky: ':61: операция сабы туура эмес.',
    ru: 'Строка операции :61: неверна.',
    en: 'The :61: statement line is not valid.',
  },
  'bank.problem.onec.not_1c': { ky: 'Бул 1C файлы эмес.', ru: 'Это не файл 1C.', en: 'This is not a 1C file.' },
  'bank.problem.onec.empty': { ky: 'Файл бош.', ru: 'Файл пуст.', en: 'The file is empty.' },
  'bank.problem.onec.no_account': {
    ky: 'Файлда өз эсеби (РасчСчет) жок.',
    ru: 'В файле нет собственного счёта (РасчСчет).',
    en: 'The file names no account of its own (РасчСчет).',
  },
  'bank.problem.onec.no_statements': {
    ky: 'Файлда эсеп бөлүмү жок.',
    ru: 'В файле нет разделов счёта.',
    en: 'The file has no account section.',
  },
  'bank.problem.onec.no_end': {
    ky: 'Файлдын аягы (КонецФайла) жок.',
    ru: 'Нет конца файла (КонецФайла).',
    en: 'The end of file (КонецФайла) is missing.',
  },
  'bank.problem.onec.truncated': { ky: 'Файл кесилип калган.', ru: 'Файл обрезан.', en: 'The file is cut short.' },
  'bank.problem.onec.account_missing': { ky: 'Эсеп жок.', ru: 'Нет счёта.', en: 'The account is missing.' },
  'bank.problem.onec.account_repeated': {
    ky: 'Эсеп эки жолу жазылган.',
    ru: 'Счёт указан дважды.',
    en: 'The account is given twice.',
  },
  'bank.problem.onec.amount_invalid': {
    ky: 'Сумма туура эмес.',
    ru: 'Неверная сумма.',
    en: 'The amount is not valid.',
  },
  'bank.problem.onec.amount_missing': { ky: 'Сумма жок.', ru: 'Нет суммы.', en: 'The amount is missing.' },
  'bank.problem.onec.date_invalid': { ky: 'Күнү туура эмес.', ru: 'Неверная дата.', en: 'The date is not valid.' },
  'bank.problem.onec.date_missing': { ky: 'Күнү жок.', ru: 'Нет даты.', en: 'The date is missing.' },
  'bank.problem.onec.document_unrelated': {
    ky: 'Документ файлдагы эсептердин бирине да тийиштүү эмес.',
    ru: 'Документ не относится ни к одному счёту файла.',
    en: 'The document concerns none of the file’s accounts.',
  },
  'bank.problem.onec.line_invalid': {
    ky: 'Сап «Ачкыч=Маани» түрүндө эмес.',
    ru: 'Строка не в виде «Ключ=Значение».',
    en: 'The line is not of the form Key=Value.',
  },
  'bank.problem.onec.total_mismatch': {
    ky: 'Жыйынтык операциялардын суммасына дал келбейт.',
    ru: 'Итог не совпадает с суммой операций.',
    en: 'The total does not match the transactions.',
  },
});

/** The translator of every bank-statement view: the portal's keys and these. */
export const t = translator(portalMessages, bankStatementMessages);
