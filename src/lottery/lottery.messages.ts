// Labels of the lottery pages, the hall screen and the browser verifier in Kyrgyz, Russian and
// English, and the translations of the problems a ceremony step can be refused with.
// Shell commands are never in here: ICU treats apostrophes and braces specially, so the pages
// build the commands in code and only the prose is translated. The lottery's typed translator is
// composed here with the portal's labels, which the page frame and kit use.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';

export const lotteryMessages = defineMessages({
  'lottery.title': {
    ky: 'Бюллетендеги тартипти аныктоочу чүчүкулак',
    ru: 'Жеребьёвка порядка партий в бюллетене',
    en: 'Ballot-order lottery',
  },
  'lottery.intro': {
    ky: 'Партиялардын бюллетендеги тартиби ачык чүчүкулак менен аныкталат. Кадамдар алмаштырылбайт: адегенде тизме бекитилип, анын хеши жарыяланат, андан кийин байкоочулар кубик ыргытат, андан кийин платформа ар бир билетти эсептейт. Ар ким жыйынтыкты өз алдынча текшере алат.',
    ru: 'Порядок партий в бюллетене определяется открытой жеребьёвкой. Шаги нельзя переставить: сначала список фиксируется и публикуется его хеш, затем наблюдатели бросают кубики, затем платформа вычисляет каждый билет. Любой может проверить результат сам.',
    en: 'The order of the parties on the ballot is decided by a public lottery. The steps cannot be reordered: first the list is frozen and its hash published, then observers roll dice, then the platform computes every ticket. Anyone can check the result independently.',
  },
  'lottery.step.freeze': {
    ky: 'Комиссия катышуучулардын тизмесин бекитет; тизме жана анын SHA-256 хеши убактысы менен жарыяланат.',
    ru: 'Комиссия фиксирует список участников; список и его хеш SHA-256 публикуются с указанием времени.',
    en: 'The commission freezes the list of participants; the list and its SHA-256 commitment are published with the time.',
  },
  'lottery.step.seed': {
    ky: 'Бир нече байкоочу ачык кубик ыргытат; ар биринин цифралары өзүнчө жазылып, көрсөтүлгөн тартипте бириктирилет (жок дегенде 20 цифра).',
    ru: 'Несколько наблюдателей публично бросают кубики; цифры каждого записываются отдельно и соединяются в указанном порядке (не менее 20 цифр).',
    en: 'Several observers roll dice in public; each roll is recorded separately and joined in the stated order (at least 20 digits).',
  },
  'lottery.step.draw': {
    ky: 'Платформа ар бир билетти жана тартипти эсептеп, бюллетендеги номерлерди ыйгарат жана жыйынтыкты ошол замат жарыялайт.',
    ru: 'Платформа вычисляет каждый билет и порядок, присваивает номера в бюллетене и сразу публикует результат.',
    en: 'The platform computes every ticket and the order, assigns the ballot numbers and publishes the result at once.',
  },
  'lottery.step.final': {
    ky: 'Чүчүкулак акыркы болуп саналат: кайра өткөрүү үчүн себеп жазылат, мурунку чүчүкулак жаңысынын жанында көрүнүп турат.',
    ru: 'Жеребьёвка окончательна: для повторной нужна записанная причина, а прежняя остаётся видна рядом с новой.',
    en: 'The draw is final: redoing it needs a recorded reason, and the earlier draw stays visible beside the new one.',
  },
  'lottery.state.none': { ky: 'Башталган жок', ru: 'Не начата', en: 'Not started' },
  'lottery.state.notHeld': {
    ky: 'Бул шайлоодо чүчүкулак өткөрүлгөн эмес',
    ru: 'На этих выборах жеребьёвка не проводилась',
    en: 'No lottery was held for this election',
  },
  'lottery.state.frozen': { ky: 'Тизме бекитилди', ru: 'Список зафиксирован', en: 'List frozen' },
  'lottery.state.seeded': { ky: 'Кубиктер ыргытылууда', ru: 'Идёт ввод бросков', en: 'Rolls being entered' },
  'lottery.state.drawn': { ky: 'Чүчүкулак өттү', ru: 'Жеребьёвка проведена', en: 'Drawn' },
  'lottery.state.superseded': { ky: 'Алмаштырылган', ru: 'Заменена', en: 'Superseded' },
  'lottery.stateLabel': { ky: 'Абалы', ru: 'Состояние', en: 'State' },
  'lottery.noDraw': {
    ky: 'Чүчүкулак али башталган жок: катышуучулардын тизмеси бекитиле элек.',
    ru: 'Жеребьёвка ещё не начата: список участников не зафиксирован.',
    en: 'The lottery has not started: the list of participants is not frozen yet.',
  },
  'lottery.notHeld': {
    ky: 'Бул шайлоодо чүчүкулак өткөрүлгөн эмес: шайлоо аяктаган, бюллетендеги номерлер катталгандай калат.',
    ru: 'На этих выборах жеребьёвка не проводилась: выборы завершены, номера в бюллетене остаются такими, как зарегистрированы.',
    en: 'No lottery was held for this election: the election is over, and the ballot numbers stand as registered.',
  },
  // A draw is numbered by its id everywhere (pages, URLs, CLI); its attempt counts within the election.
  'lottery.drawName': { ky: '№{id} чүчүкулак', ru: 'Жеребьёвка № {id}', en: 'Draw no. {id}' },
  'lottery.attempt': {
    ky: 'Бул шайлоодогу аракет',
    ru: 'Попытка на этих выборах',
    en: 'Attempt for this election',
  },
  'lottery.drawColumn': { ky: 'Чүчүкулак', ru: 'Жеребьёвка', en: 'Draw' },
  'lottery.current': { ky: 'Учурдагы чүчүкулак', ru: 'Текущая жеребьёвка', en: 'Current draw' },
  'lottery.history': { ky: 'Бардык чүчүкулактар', ru: 'Все жеребьёвки', en: 'All draws' },
  'lottery.commitment': {
    ky: 'Тизменин хеши (SHA-256 милдеттенмеси)',
    ru: 'Хеш списка (обязательство SHA-256)',
    en: 'Commitment to the list (SHA-256)',
  },
  'lottery.frozenAt': { ky: 'Тизме бекитилген убакыт', ru: 'Список зафиксирован', en: 'List frozen at' },
  'lottery.drawnAt': { ky: 'Чүчүкулак өткөн убакыт', ru: 'Жеребьёвка проведена', en: 'Drawn at' },
  'lottery.participants': { ky: 'Катышуучулар', ru: 'Участники', en: 'Participants' },
  'lottery.participantCount': {
    ky: '{n, plural, other {# катышуучу}}',
    ru: '{n, plural, one {# участник} few {# участника} other {# участников}}',
    en: '{n, plural, one {# participant} other {# participants}}',
  },
  'lottery.regNumber': { ky: 'Каттоо номери (id)', ru: 'Регистрационный номер (id)', en: 'Registration number (id)' },
  'lottery.name': { ky: 'Аталышы', ru: 'Название', en: 'Name' },
  'lottery.seedParts': { ky: 'Байкоочулардын кубиктери', ru: 'Броски наблюдателей', en: 'Observers’ rolls' },
  'lottery.seedOrder': { ky: 'Тартиби', ru: 'Порядок', en: 'Order' },
  'lottery.observer': { ky: 'Байкоочу', ru: 'Наблюдатель', en: 'Observer' },
  'lottery.digits': { ky: 'Цифралар', ru: 'Цифры', en: 'Digits' },
  'lottery.enteredAt': { ky: 'Жазылган убакыт', ru: 'Записано', en: 'Entered at' },
  'lottery.noRolls': { ky: 'Азырынча кубик ыргытыла элек.', ru: 'Бросков пока нет.', en: 'No rolls yet.' },
  'lottery.seed': { ky: 'Баштапкы сан (seed)', ru: 'Начальное число (seed)', en: 'Seed' },
  'lottery.seedProgress': {
    ky: '{n} цифра, жок дегенде {min} керек',
    ru: 'Цифр: {n}, нужно не менее {min}',
    en: '{n} digits; at least {min} needed',
  },
  'lottery.tickets': { ky: 'Билеттер жана тартип', ru: 'Билеты и порядок', en: 'Tickets and order' },
  'lottery.ticketsIntro': {
    ky: 'Билеттер толук тактык менен көрсөтүлдү; эң кичинеси биринчи турат.',
    ru: 'Билеты показаны с полной точностью; наименьший стоит первым.',
    en: 'Tickets are shown at full precision; the smallest comes first.',
  },
  'lottery.place': { ky: 'Орун', ru: 'Место', en: 'Place' },
  'lottery.ballotNumber': { ky: 'Бюллетендеги номер', ru: 'Номер в бюллетене', en: 'Ballot number' },
  'lottery.ticket': { ky: 'Билет', ru: 'Билет', en: 'Ticket' },
  'lottery.fixedLines': {
    ky: 'Мыйзам менен бекитилген саптар',
    ru: 'Строки, закреплённые законом',
    en: 'Lines fixed by law',
  },
  'lottery.notDrawn': { ky: 'Чүчүкулак али өткөрүлө элек.', ru: 'Жеребьёвка ещё не проведена.', en: 'Not drawn yet.' },
  'lottery.openDraw': { ky: 'Чүчүкулактын жазуусу', ru: 'Запись жеребьёвки', en: 'Draw record' },
  'lottery.present': {
    ky: 'Залдагы экран үчүн көрсөтүү режими',
    ru: 'Режим показа для экрана в зале',
    en: 'Presentation mode for the hall screen',
  },
  'lottery.electionLink': {
    ky: 'Бюллетендеги тартипти аныктоочу чүчүкулак: абалы, тарыхы жана текшерүү',
    ru: 'Жеребьёвка порядка в бюллетене: состояние, история и проверка',
    en: 'Ballot-order lottery: state, history and verification',
  },
  'lottery.redoOf': {
    ky: 'Бул чүчүкулак №{id} чүчүкулакты кайра өткөрөт. Жазылган себеп: {reason}',
    ru: 'Эта жеребьёвка повторяет жеребьёвку № {id}. Записанная причина: {reason}',
    en: 'This draw redoes draw no. {id}. Recorded reason: {reason}',
  },
  'lottery.supersededBy': {
    ky: 'Бул чүчүкулак алмаштырылды ({at}). Жаңысы: №{id} чүчүкулак.',
    ru: 'Эта жеребьёвка заменена ({at}). Новая: жеребьёвка № {id}.',
    en: 'This draw was superseded ({at}). The new one: draw no. {id}.',
  },
  'lottery.reason': { ky: 'Себеби', ru: 'Причина', en: 'Reason' },
  'lottery.illustration': { ky: 'Иллюстрация', ru: 'Иллюстрация', en: 'Illustration' },
  // The commission's list of lotteries (staff navigation).
  'lottery.consoles.title': {
    ky: 'Бюллетендеги тартип боюнча чүчүкулактар',
    ru: 'Жеребьёвки порядка в бюллетене',
    en: 'Ballot-order lotteries',
  },
  'lottery.consoles.intro': {
    ky: 'Шайлоону тандаңыз: анын чүчүкулак барагында комиссиянын пульту бар.',
    ru: 'Выберите выборы: на странице их жеребьёвки находится пульт комиссии.',
    en: 'Choose an election: its lottery page has the commission console.',
  },
  'lottery.consoles.election': { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  'lottery.consoles.day': { ky: 'Шайлоо күнү', ru: 'День голосования', en: 'Election day' },
  'lottery.consoles.none': { ky: 'Азырынча шайлоо жок.', ru: 'Выборов пока нет.', en: 'No elections yet.' },
  // The console.
  'lottery.console': { ky: 'Комиссиянын пульту', ru: 'Пульт комиссии', en: 'Commission console' },
  'lottery.consoleNote': {
    ky: 'Бул формалар чүчүкулак учурунда комиссия үчүн. Ар бир кадам активдүүлүк журналына жазылат.',
    ru: 'Эти формы — для комиссии во время жеребьёвки. Каждый шаг записывается в журнал действий.',
    en: 'These forms are for the commission during the ceremony. Every step is written to the activity log.',
  },
  'lottery.freeze.button': {
    ky: 'Катышуучулардын тизмесин бекитүү',
    ru: 'Зафиксировать список участников',
    en: 'Freeze the list of participants',
  },
  'lottery.freeze.warning': {
    ky: '{n, plural, other {# партиянын}} талапкерлер тизмеси жок же тизмеси эрежелерди бузат. Аларды бекитүү үчүн себеп жазылышы керек; себеп журналга жазылат.',
    ru: '{n, plural, one {У # партии} other {У # партий}} нет списка кандидатов или список нарушает правила. Чтобы зафиксировать их, нужна причина; она записывается в журнал.',
    en: '{n, plural, one {# party has} other {# parties have}} no candidate list or a list that breaks the list rules. Freezing them needs a reason, which is recorded in the log.',
  },
  'lottery.freeze.noList': {
    ky: 'талапкерлер тизмеси жок',
    ru: 'нет списка кандидатов',
    en: 'no candidate list',
  },
  'lottery.freeze.breaksRules': {
    ky: 'тизме эрежелерди бузат: {rules}',
    ru: 'список нарушает правила: {rules}',
    en: 'the list breaks the rules: {rules}',
  },
  'lottery.freeze.reason': { ky: 'Бекитүүнүн себеби', ru: 'Причина фиксации', en: 'Reason for freezing' },
  'lottery.freeze.reasonRequired': {
    ky: 'Милдеттүү: эмне үчүн бул партиялар ушундай тизме менен бекитилет.',
    ru: 'Обязательно: почему эти партии фиксируются с таким списком.',
    en: 'Required: why these parties are frozen with their lists as they are.',
  },
  'lottery.freeze.reasonOptional': {
    ky: 'Милдеттүү эмес; жазылса, журналга кирет.',
    ru: 'Необязательно; если указана, записывается в журнал.',
    en: 'Optional; if given, it is recorded in the log.',
  },
  'lottery.freeze.help': {
    ky: 'Азыр катталган партиялар бекитилет. Бекитилгенден кийин тизме өзгөрбөйт.',
    ru: 'Будут зафиксированы партии, зарегистрированные сейчас. После фиксации список не меняется.',
    en: 'The parties registered now are frozen. Once frozen, the list does not change.',
  },
  'lottery.toFreeze': {
    ky: 'Бекитиле турган партиялар',
    ru: 'Партии, которые будут зафиксированы',
    en: 'Parties to be frozen',
  },
  'lottery.seed.legend': { ky: 'Байкоочунун кубиги', ru: 'Бросок наблюдателя', en: 'An observer’s roll' },
  'lottery.seed.button': { ky: 'Бул кубикти жазуу', ru: 'Записать бросок', en: 'Record this roll' },
  'lottery.seed.help': {
    ky: 'Кубиктер көрсөткөн цифралар гана (0–9). Кубиктер жазылган тартипте бириктирилет.',
    ru: 'Только цифры, выпавшие на кубиках (0–9). Броски соединяются в порядке записи.',
    en: 'Only the digits the dice showed (0–9). Rolls are joined in the order they are recorded.',
  },
  'lottery.draw.button': { ky: 'Чүчүкулакты өткөрүү', ru: 'Провести жеребьёвку', en: 'Draw' },
  'lottery.draw.help': {
    ky: 'Платформа билеттерди эсептеп, номерлерди ыйгарат. Чүчүкулак акыркы болуп саналат.',
    ru: 'Платформа вычислит билеты и присвоит номера. Жеребьёвка окончательна.',
    en: 'The platform computes the tickets and assigns the numbers. The draw is final.',
  },
  'lottery.redo.legend': { ky: 'Кайра өткөрүү', ru: 'Повторная жеребьёвка', en: 'Redo' },
  'lottery.redo.button': {
    ky: 'Себеби менен кайра өткөрүү',
    ru: 'Провести заново с указанием причины',
    en: 'Redo with this reason',
  },
  'lottery.redo.help': {
    ky: 'Учурдагы чүчүкулак алмаштырылат (ал көрүнүп калат), тизме кайра бекитилет. Себеп жарыяланат.',
    ru: 'Текущая жеребьёвка будет заменена (она останется видна), список будет зафиксирован заново. Причина публикуется.',
    en: 'The current draw is superseded (it stays visible) and the list is frozen again. The reason is published.',
  },
  // Striking a mistyped roll before the draw (console) and how the record shows it (public pages).
  'lottery.strike.legend': {
    ky: '{n}-кубик: {observer}, {digits}',
    ru: 'Бросок {n}: {observer}, {digits}',
    en: 'Roll {n}: {observer}, {digits}',
  },
  'lottery.strike.reason': { ky: 'Сызуунун себеби', ru: 'Причина вычёркивания', en: 'Reason for striking' },
  'lottery.strike.help': {
    ky: 'Туура эмес жазылган кубик үчүн гана, чүчүкулактан мурун. Кубик ачык жазууда ушул себеп менен сызылган деп белгиленип калат жана баштапкы санга кирбейт.',
    ru: 'Только для ошибочно введённого броска, до жеребьёвки. Бросок остаётся в публичной записи, помеченный как вычеркнутый с этой причиной, и больше не входит в начальное число.',
    en: 'Only for a roll entered wrongly, before the draw. The roll stays in the public record, marked struck with this reason, and no longer counts in the seed.',
  },
  'lottery.strike.button': { ky: 'Бул кубикти сызуу', ru: 'Вычеркнуть этот бросок', en: 'Strike this roll' },
  'lottery.struckRolls': {
    ky: 'Сызылган кубиктер (баштапкы санга кирбейт):',
    ru: 'Вычеркнутые броски (не входят в начальное число):',
    en: 'Struck rolls (not part of the seed):',
  },
  'lottery.struckBeforeDraw': {
    ky: 'чүчүкулактан мурун сызылган: {reason}',
    ru: 'вычеркнут до жеребьёвки: {reason}',
    en: 'struck before the draw: {reason}',
  },
  'lottery.refused': { ky: 'Кадам кабыл алынган жок:', ru: 'Шаг отклонён:', en: 'The step was refused:' },
  // The draw record page.
  'lottery.serverCheck.ok': {
    ky: 'Сервер бул жазууну кайра эсептеди: бардык маанилер дал келет.',
    ru: 'Сервер пересчитал эту запись: все значения совпадают.',
    en: 'The server recomputed this record: every value matches.',
  },
  'lottery.serverCheck.fail': {
    ky: 'Сервер бул жазууну кайра эсептегенде айырмачылыктар табылды:',
    ru: 'При пересчёте записи сервер нашёл расхождения:',
    en: 'The server recomputed this record and found differences:',
  },
  'lottery.verify.title': {
    ky: 'Браузериңизде текшериңиз',
    ru: 'Проверьте в своём браузере',
    en: 'Verify in your browser',
  },
  'lottery.verify.intro': {
    ky: 'Баскыч бардык маанилерди ушул браузерде Web Crypto менен кайра эсептейт; серверге эч нерсе жөнөтүлбөйт.',
    ru: 'Кнопка пересчитывает все значения в этом браузере средствами Web Crypto; на сервер ничего не отправляется.',
    en: 'The button recomputes every value in this browser with Web Crypto; nothing is sent to the server.',
  },
  'lottery.verify.button': { ky: 'Браузерде текшерүү', ru: 'Проверить в браузере', en: 'Verify in your browser' },
  'lottery.verify.noscript': {
    ky: 'Браузерде текшерүү үчүн JavaScript керек. Ансыз JSON жазууну жүктөп алып, «talapker lottery verify» буйругу менен же төмөнкү колдонмо боюнча текшериңиз.',
    ru: 'Для проверки в браузере нужен JavaScript. Без него скачайте запись JSON и проверьте командой «talapker lottery verify» или вручную по инструкции ниже.',
    en: 'Verifying in the browser needs JavaScript. Without it, download the JSON record and check it with “talapker lottery verify” or by hand as described below.',
  },
  'lottery.v.record': { ky: 'Жазуу окулат', ru: 'Запись читается', en: 'Record is readable' },
  'lottery.v.timeline': {
    ky: 'Тизме чүчүкулактан мурун бекитилген',
    ru: 'Список зафиксирован до жеребьёвки',
    en: 'Participants list frozen before the draw',
  },
  'lottery.v.commitment': { ky: 'Тизменин хеши', ru: 'Хеш списка', en: 'Participants commitment' },
  'lottery.v.seed': {
    ky: 'Seed = байкоочулардын кубиктери, бириктирилген',
    ru: 'Seed = броски наблюдателей, соединённые',
    en: 'Seed = the observers’ rolls, concatenated',
  },
  'lottery.v.seedLength': {
    ky: 'Seedде жок дегенде 20 цифра бар',
    ru: 'В seed не менее 20 цифр',
    en: 'Seed has at least 20 digits',
  },
  'lottery.v.ticket': { ky: '{id} билети', ru: 'Билет {id}', en: 'Ticket of {id}' },
  'lottery.v.order': { ky: 'Бюллетендеги тартип', ru: 'Порядок в бюллетене', en: 'Ballot order' },
  'lottery.v.ballotNumber': {
    ky: '{id} бюллетендеги номери',
    ru: 'Номер в бюллетене: {id}',
    en: 'Ballot number of {id}',
  },
  'lottery.v.recordSays': { ky: 'жазууда', ru: 'в записи', en: 'record says' },
  'lottery.v.recomputed': { ky: 'кайра эсептелгени', ru: 'пересчитано', en: 'recomputed' },
  'lottery.v.verified': {
    ky: 'Текшерилди: ар бир маани ушул браузерде кайра эсептелип, жазуу менен дал келди.',
    ru: 'Проверено: каждое значение пересчитано в этом браузере и совпадает с записью.',
    en: 'Verified: every value was recomputed in this browser and matches the record.',
  },
  'lottery.v.failed': {
    ky: 'Текшерилген жок: кээ бир жазылган маанилер ушул браузер эсептегенден айырмаланат.',
    ru: 'Не проверено: некоторые значения в записи отличаются от вычисленных в этом браузере.',
    en: 'Not verified: some recorded values differ from what this browser computes.',
  },
  'lottery.downloads': { ky: 'Жүктөп алуу', ru: 'Скачать', en: 'Downloads' },
  'lottery.downloadJson': { ky: 'Чүчүкулактын JSON жазуусу', ru: 'Запись жеребьёвки в JSON', en: 'Draw record (JSON)' },
  'lottery.downloadParticipants': {
    ky: 'Тизме канондук түрдө (хеш ушундан эсептелет)',
    ru: 'Список в каноническом виде (хеш считается от него)',
    en: 'The list in canonical form (the commitment hashes this)',
  },
  'lottery.proof': {
    ky: 'Бюллетендин үлгүсү (PDF, {size})',
    ru: 'Образец бюллетеня (PDF, {size})',
    en: 'Ballot-paper proof (PDF, {size})',
  },
  'lottery.byHand.title': {
    ky: 'Кол менен кантип текшерүү керек',
    ru: 'Как проверить вручную',
    en: 'How to check it by hand',
  },
  'lottery.byHand.intro': {
    ky: 'sha256sum жана bc программалары бар терминал жетиштүү (macOS’те sha256sum ордуна «shasum -a 256»). Буйруктар bash үчүн.',
    ru: 'Достаточно терминала с программами sha256sum и bc (на macOS вместо sha256sum — «shasum -a 256»). Команды — для bash.',
    en: 'A terminal with sha256sum and bc is enough (on macOS use “shasum -a 256” instead of sha256sum). The commands are for bash.',
  },
  'lottery.byHand.commitment': {
    ky: 'Тизмени канондук түрдө жүктөп алып, хешин эсептеңиз. Ал тизме бекитилгенде жарыяланган хешке барабар болушу керек:',
    ru: 'Скачайте список в каноническом виде и посчитайте его хеш. Он должен совпасть с хешем, опубликованным при фиксации списка:',
    en: 'Download the list in canonical form and hash it. The result must equal the commitment published when the list was frozen:',
  },
  'lottery.byHand.seed': {
    ky: 'Seed — байкоочулардын цифралары көрсөтүлгөн тартипте, бош орунсуз бириктирилген. Анын SHA-256 хешин H деп алыңыз:',
    ru: 'Seed — цифры наблюдателей, соединённые без пробелов в указанном порядке. Возьмите его хеш SHA-256 как H:',
    en: 'The seed is the observers’ digits joined without spaces in the stated order. Take its SHA-256 hash as H:',
  },
  'lottery.byHand.ticket': {
    ky: 'Партиянын билети: H жана анын каттоо номеринин (бош орунсуз) SHA-256 хеши ондук санга айландырылып, 64 цифрага чейин сол жагынан нөлдөр менен толукталып, тескери окулат жана алдына «0.» коюлат. Мисалы, биринчи орундагы партия үчүн:',
    ru: 'Билет партии: хеш SHA-256 от H и её регистрационного номера (без пробела) переводится в десятичное число, дополняется нулями слева до 64 цифр, записывается задом наперёд, и перед ним ставится «0.». Например, для партии на первом месте:',
    en: 'A party’s ticket: the SHA-256 of H followed directly by its registration number, written as a decimal number, padded with zeros on the left to 64 digits, reversed, with “0.” in front. For example, for the party in first place:',
  },
  'lottery.byHand.order': {
    ky: 'Партияларды билеттери боюнча өсүү тартибинде иреттеңиз (цифра боюнча салыштырып): бул бюллетендеги тартип. Мыйзам менен бекитилген саптар өз номерлерин сактайт, партиялар калган номерлерди 1ден баштап алат.',
    ru: 'Расположите партии по возрастанию билета (сравнивая цифру за цифрой): это порядок в бюллетене. Строки, закреплённые законом, сохраняют свои номера; партии получают остальные номера начиная с 1.',
    en: 'Sort the parties by ticket, smallest first (comparing digit by digit): that is the ballot order. Lines fixed by law keep their numbers; the parties take the other numbers from 1 upwards.',
  },
  'lottery.byHand.cli': {
    ky: 'Же баарын бир буйрук менен: JSON жазууну жүктөп алып, «talapker lottery verify» иштетиңиз. Ыкма — Ривесттин «consistent sampler» алгоритми, аны Python тилиндеги жарыяланган код менен да кайталоого болот.',
    ru: 'Или всё сразу: скачайте запись JSON и выполните «talapker lottery verify». Метод — «consistent sampler» Ривеста; его можно повторить и опубликованным кодом на Python.',
    en: 'Or all at once: download the JSON record and run “talapker lottery verify”. The method is Rivest’s consistent sampler, which can also be re-run with his published Python code.',
  },
  // The hall screen.
  'lottery.presentTitle': {
    ky: 'Чүчүкулак: залдагы экран',
    ru: 'Жеребьёвка: экран в зале',
    en: 'Lottery: hall screen',
  },
  'lottery.waitingRolls': {
    ky: 'Байкоочулардын кубиктери күтүлүүдө…',
    ru: 'Ожидаются броски наблюдателей…',
    en: 'Waiting for the observers’ rolls…',
  },
  'lottery.waitingDraw': { ky: 'Чүчүкулак күтүлүүдө…', ru: 'Ожидается жеребьёвка…', en: 'Waiting for the draw…' },
  'lottery.backToRecord': { ky: 'Толук жазуу', ru: 'Полная запись', en: 'Full record' },
  // Problems a step can be refused with (code → text; params as in the Problem).
  'problem.lottery.already_frozen': {
    ky: 'Катышуучулардын тизмеси буга чейин бекитилген (№{drawId} чүчүкулак). Кайра баштоо үчүн себеп менен кайра өткөрүңүз.',
    ru: 'Список участников уже зафиксирован (жеребьёвка № {drawId}). Чтобы начать заново, проведите повторную жеребьёвку с указанием причины.',
    en: 'The list of participants is already frozen (draw no. {drawId}); to start again, redo the draw with a reason.',
  },
  'problem.lottery.freeze_reason_required': {
    ky: 'Айрым партиялардын талапкерлер тизмеси жок же тизмеси эрежелерди бузат ({parties}); аларды бекитүү үчүн себеп жазыңыз.',
    ru: 'У некоторых партий нет списка кандидатов или список нарушает правила ({parties}); чтобы зафиксировать их, укажите причину.',
    en: 'Some parties have no candidate list or a list that breaks the list rules ({parties}); freezing them needs a recorded reason.',
  },
  'problem.lottery.not_frozen': {
    ky: 'Катышуучулардын тизмеси али бекитиле элек: адегенде аны бекитиңиз.',
    ru: 'Список участников ещё не зафиксирован: сначала зафиксируйте его.',
    en: 'The list of participants is not frozen yet: freeze it first.',
  },
  'problem.lottery.already_drawn': {
    ky: 'Чүчүкулак акыркы болуп саналат; жаңы чүчүкулак үчүн себеп менен кайра өткөрүү керек.',
    ru: 'Жеребьёвка окончательна; новая возможна только как повторная с записанной причиной.',
    en: 'The draw is final; a new draw needs a redo with a recorded reason.',
  },
  'problem.lottery.no_seed': {
    ky: 'Эч бир байкоочу кубик жаза элек: чүчүкулактан мурун кубиктерди жазыңыз.',
    ru: 'Ни один наблюдатель ещё не ввёл бросок: сначала введите броски.',
    en: 'No observer has entered a roll yet: enter the dice rolls before drawing.',
  },
  'problem.draw.seed_too_short': {
    ky: 'Байкоочулардын кубиктеринде {digits} цифра бар; жок дегенде {minimum} керек.',
    ru: 'В бросках наблюдателей {digits} цифр; нужно не менее {minimum}.',
    en: 'The observers’ rolls give {digits} digits; at least {minimum} are needed.',
  },
  'problem.draw.frozen_after_draw': {
    ky: 'Тизме чүчүкулактан мурун бекитилиши керек; бир аздан кийин кайталаңыз.',
    ru: 'Список должен быть зафиксирован раньше жеребьёвки; повторите чуть позже.',
    en: 'The list must be frozen before the draw; try again in a moment.',
  },
  'problem.lottery.superseded': {
    ky: 'Бул чүчүкулак алмаштырылган; баракты жаңылап, учурдагысын колдонуңуз.',
    ru: 'Эта жеребьёвка заменена; обновите страницу и используйте текущую.',
    en: 'This draw was superseded by a redo; reload the page and use the current draw.',
  },
  'problem.lottery.nothing_to_redo': {
    ky: 'Кайра өткөрө турган чүчүкулак жок: адегенде тизмени бекитиңиз.',
    ru: 'Нечего повторять: сначала зафиксируйте список.',
    en: 'There is no draw to redo: freeze the list of participants first.',
  },
  'problem.lottery.observer_required': {
    ky: 'Кубик ыргыткан байкоочуну атаңыз.',
    ru: 'Укажите наблюдателя, бросившего кубики.',
    en: 'Name the observer who rolled the dice.',
  },
  'problem.lottery.observer_too_long': {
    ky: 'Байкоочунун аты өтө узун.',
    ru: 'Имя наблюдателя слишком длинное.',
    en: 'The observer’s name is too long.',
  },
  'problem.lottery.digits_required': {
    ky: 'Кубиктер көрсөткөн цифраларды жазыңыз.',
    ru: 'Введите цифры, выпавшие на кубиках.',
    en: 'Enter the digits the dice showed.',
  },
  'problem.lottery.digits_only': {
    ky: 'Кубик — 0–9 цифралары гана.',
    ru: 'Бросок — только цифры 0–9.',
    en: 'A roll is decimal digits 0–9 only.',
  },
  'problem.lottery.roll_too_long': {
    ky: 'Бир кубикте эң көп {maximum} цифра болот.',
    ru: 'В одном броске не более {maximum} цифр.',
    en: 'One roll may have at most {maximum} digits.',
  },
  'problem.lottery.reason_required': {
    ky: 'Кайра өткөрүү үчүн себеп жазылышы керек.',
    ru: 'Для повторной жеребьёвки нужна причина.',
    en: 'A redo needs a recorded reason.',
  },
  'problem.lottery.reason_too_long': {
    ky: 'Себеп өтө узун.',
    ru: 'Причина слишком длинная.',
    en: 'The reason is too long.',
  },
  'problem.lottery.strike_reason_required': {
    ky: 'Кубикти сызуу үчүн себеп жазыңыз; ал кубик менен бирге жарыяланат.',
    ru: 'Чтобы вычеркнуть бросок, укажите причину; она публикуется вместе с броском.',
    en: 'Striking a roll needs a reason; it is published with the roll.',
  },
  'problem.lottery.strike_reason_too_long': {
    ky: 'Себеп эң көп {maximum} белгиден турушу керек.',
    ru: 'Причина — не более {maximum} символов.',
    en: 'The reason may have at most {maximum} characters.',
  },
  'problem.lottery.roll_not_found': {
    ky: 'Бул чүчүкулакта {roll}-кубик жок; баракты жаңылаңыз.',
    ru: 'В этой жеребьёвке нет броска {roll}; обновите страницу.',
    en: 'This draw has no roll {roll}; reload the page.',
  },
  'problem.lottery.roll_already_struck': {
    ky: '{roll}-кубик буга чейин сызылган.',
    ru: 'Бросок {roll} уже вычеркнут.',
    en: 'Roll {roll} is already struck.',
  },
  'problem.lottery.no_participants': {
    ky: 'Бул шайлоого бир да партия катталган эмес; чүчүкулак өткөрүүгө эч нерсе жок.',
    ru: 'На эти выборы не зарегистрировано ни одной партии; разыгрывать нечего.',
    en: 'No party is registered for this election; there is nothing to draw.',
  },
  'problem.lottery.changed': {
    ky: 'Ошол эле учурда чүчүкулакты башка бирөө өзгөрттү; баракты жаңылап, кайталаңыз.',
    ru: 'Жеребьёвку в тот же момент изменил кто-то другой; обновите страницу и повторите.',
    en: 'Someone else changed the draw at the same moment; reload the page and try again.',
  },
  'problem.lottery.stale_form': {
    ky: 'Бул форма эскирген чүчүкулакка тиешелүү; баракты жаңылаңыз.',
    ru: 'Эта форма относится к устаревшей жеребьёвке; обновите страницу.',
    en: 'This form belongs to a draw that is no longer current; reload the page.',
  },
});

export const t = translator(portalMessages, lotteryMessages);
