// Labels of sign-in, account and user-management pages in Kyrgyz, Russian and English, and the
// accounts' typed translator (with the portal's labels, which the page frame and kit use).
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';

export const accountMessages = defineMessages({
  'accounts.title.login': { ky: 'Кирүү', ru: 'Вход', en: 'Sign in' },
  'accounts.title.code': { ky: 'Эки баскычтуу кирүү', ru: 'Двухэтапный вход', en: 'Two-step sign-in' },
  'accounts.title.account': { ky: 'Менин аккаунтум', ru: 'Мой аккаунт', en: 'My account' },
  'accounts.title.password': { ky: 'Сырсөздү өзгөртүү', ru: 'Смена пароля', en: 'Change password' },
  'accounts.title.totp': {
    ky: 'Эки баскычтуу кирүү (TOTP)',
    ru: 'Двухэтапный вход (TOTP)',
    en: 'Two-step sign-in (TOTP)',
  },
  'accounts.title.users': { ky: 'Колдонуучулар', ru: 'Пользователи', en: 'Users' },
  'accounts.title.tokens': { ky: 'API токендери', ru: 'API-токены', en: 'API tokens' },
  'accounts.title.forbidden': { ky: 'Кирүүгө уруксат жок', ru: 'Нет доступа', en: 'Access denied' },

  'accounts.field.login': { ky: 'Логин', ru: 'Логин', en: 'Login' },
  'accounts.field.password': { ky: 'Сырсөз', ru: 'Пароль', en: 'Password' },
  'accounts.field.currentPassword': { ky: 'Азыркы сырсөз', ru: 'Текущий пароль', en: 'Current password' },
  'accounts.field.newPassword': { ky: 'Жаңы сырсөз', ru: 'Новый пароль', en: 'New password' },
  'accounts.field.code': {
    ky: 'Колдонмодогу 6 орундуу код',
    ru: '6-значный код из приложения',
    en: '6-digit code from your app',
  },
  'accounts.field.displayName': { ky: 'Аты-жөнү', ru: 'Имя', en: 'Name' },
  'accounts.field.role': { ky: 'Ролу', ru: 'Роль', en: 'Role' },
  'accounts.field.partyRegistrationNumber': {
    ky: 'Партиянын каттоо номери',
    ru: 'Регистрационный номер партии',
    en: 'Party registration number',
  },
  'accounts.field.bank': { ky: 'Банк', ru: 'Банк', en: 'Bank' },
  'accounts.field.label': { ky: 'Аталышы', ru: 'Название', en: 'Label' },
  'accounts.field.scopes': { ky: 'Уруксаттар', ru: 'Права', en: 'Scopes' },
  'accounts.field.expiresInDays': { ky: 'Мөөнөтү', ru: 'Срок действия', en: 'Valid for' },
  'accounts.field.user': { ky: 'Колдонуучу', ru: 'Пользователь', en: 'User' },
  'accounts.field.token': { ky: 'Токен', ru: 'Токен', en: 'Token' },
  'accounts.field.email': { ky: 'Электрондук почта', ru: 'Электронная почта', en: 'E-mail' },
  'accounts.field.loginOrEmail': {
    ky: 'Логин же электрондук почта',
    ru: 'Логин или электронная почта',
    en: 'Login or e-mail',
  },
  'accounts.field.clearTotp': {
    ky: 'Эки баскычтуу кирүүнү да өчүрүү (телефон жоголсо)',
    ru: 'Также отключить двухэтапный вход (если телефон утерян)',
    en: 'Also remove two-step sign-in (for a lost phone)',
  },

  'accounts.hint.party': {
    ky: 'Партиянын казыначысы үчүн гана',
    ru: 'Только для казначея партии',
    en: 'Party treasurers only',
  },
  'accounts.hint.bank': {
    ky: 'Банк кызматкери үчүн гана',
    ru: 'Только для сотрудника банка',
    en: 'Bank officers only',
  },
  'accounts.hint.password': {
    ky: 'Кеминде 12 белги. Бир нече сөздөн турган сырсөз ыңгайлуу.',
    ru: 'Не менее 12 символов. Удобна фраза из нескольких слов.',
    en: 'At least 12 characters. A phrase of several words works well.',
  },
  'accounts.hint.code': {
    ky: 'Аутентификатор колдонмосун ачып, азыркы кодду жазыңыз.',
    ru: 'Откройте приложение-аутентификатор и введите текущий код.',
    en: 'Open your authenticator app and enter the current code.',
  },

  'accounts.role.commission_admin': {
    ky: 'БШКнын администратору',
    ru: 'Администратор ЦИК',
    en: 'Commission administrator',
  },
  'accounts.role.commission_analyst': { ky: 'БШКнын аналитиги', ru: 'Аналитик ЦИК', en: 'Commission analyst' },
  'accounts.role.party_treasurer': { ky: 'Партиянын казыначысы', ru: 'Казначей партии', en: 'Party treasurer' },
  'accounts.role.bank_officer': { ky: 'Банк кызматкери', ru: 'Сотрудник банка', en: 'Bank officer' },
  'accounts.role.auditor': { ky: 'Аудитор', ru: 'Аудитор', en: 'Auditor' },

  'accounts.scope.filings:read': { ky: 'Отчетторду окуу', ru: 'Чтение отчётов', en: 'Read filings' },
  'accounts.scope.filings:write': {
    ky: 'Отчеттун долбоорун түзөтүү',
    ru: 'Редактирование черновиков отчётов',
    en: 'Edit filing drafts',
  },
  'accounts.scope.filings:submit': { ky: 'Отчетту тапшыруу', ru: 'Подача отчётов', en: 'Submit filings' },
  'accounts.scope.statements:read': {
    ky: 'Банк көчүрмөлөрүн окуу',
    ru: 'Чтение банковских выписок',
    en: 'Read bank statements',
  },
  'accounts.scope.statements:write': {
    ky: 'Банк көчүрмөлөрүн жүктөө',
    ru: 'Загрузка банковских выписок',
    en: 'Upload bank statements',
  },
  'accounts.scope.findings:read': {
    ky: 'Текшерүү жыйынтыктарын окуу',
    ru: 'Чтение результатов проверок',
    en: 'Read findings',
  },
  'accounts.scope.audit:read': {
    ky: 'Аракеттер журналын окуу',
    ru: 'Чтение журнала действий',
    en: 'Read the activity log',
  },

  'accounts.action.signIn': { ky: 'Кирүү', ru: 'Войти', en: 'Sign in' },
  'accounts.action.signOut': { ky: 'Чыгуу', ru: 'Выйти', en: 'Sign out' },
  'accounts.action.continue': { ky: 'Улантуу', ru: 'Продолжить', en: 'Continue' },
  'accounts.action.save': { ky: 'Сактоо', ru: 'Сохранить', en: 'Save' },
  'accounts.action.createUser': { ky: 'Колдонуучу түзүү', ru: 'Создать пользователя', en: 'Create user' },
  'accounts.action.disable': { ky: 'Бөгөттөө', ru: 'Заблокировать', en: 'Disable' },
  'accounts.action.enable': { ky: 'Бөгөттөн чыгаруу', ru: 'Разблокировать', en: 'Enable' },
  'accounts.action.reset': { ky: 'Сырсөздү жаңыртуу', ru: 'Сбросить пароль', en: 'Reset password' },
  'accounts.action.sendLink': { ky: 'Шилтеме жөнөтүү', ru: 'Отправить ссылку', en: 'Send link' },
  'accounts.action.setPassword': { ky: 'Сырсөздү коюу', ru: 'Задать пароль', en: 'Set password' },
  'accounts.action.cancel': { ky: 'Жокко чыгаруу', ru: 'Отмена', en: 'Cancel' },
  'accounts.action.startTotp': { ky: 'Күйгүзүү', ru: 'Включить', en: 'Turn on' },
  'accounts.action.confirmTotp': { ky: 'Ырастоо', ru: 'Подтвердить', en: 'Confirm' },
  'accounts.action.disableTotp': { ky: 'Өчүрүү', ru: 'Отключить', en: 'Turn off' },
  'accounts.action.createToken': { ky: 'Токен түзүү', ru: 'Создать токен', en: 'Create token' },
  'accounts.action.revoke': { ky: 'Жокко чыгаруу', ru: 'Отозвать', en: 'Revoke' },

  'accounts.nav.password': { ky: 'Сырсөздү өзгөртүү', ru: 'Сменить пароль', en: 'Change password' },
  'accounts.nav.totp': { ky: 'Эки баскычтуу кирүү', ru: 'Двухэтапный вход', en: 'Two-step sign-in' },
  'accounts.nav.tokens': { ky: 'API токендери', ru: 'API-токены', en: 'API tokens' },
  'accounts.nav.users': { ky: 'Колдонуучуларды башкаруу', ru: 'Управление пользователями', en: 'Manage users' },

  'accounts.errors.title': { ky: 'Ката бар', ru: 'Есть ошибки', en: 'There is a problem' },
  'accounts.login.failed': {
    ky: 'Логин же сырсөз туура эмес. Бир нече жолу ката киргизилсе, ар бир кийинки аракет бир аз күтөт.',
    ru: 'Неверный логин или пароль. После нескольких ошибок каждую следующую попытку придётся немного подождать.',
    en: 'The login or password is not correct. After several wrong attempts each further attempt has to wait a little.',
  },
  'accounts.login.delayed': {
    ky: 'Өтө көп туура эмес аракет. {seconds} секунддан кийин кайра аракет кылыңыз.',
    ru: 'Слишком много неверных попыток. Повторите через {seconds, plural, one {# секунду} few {# секунды} other {# секунд}}.',
    en: 'Too many wrong attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  'accounts.login.forgot': { ky: 'Сырсөздү унуттуңузбу?', ru: 'Забыли пароль?', en: 'Forgot password?' },
  'accounts.login.rateLimited': {
    ky: 'Өтө көп аракет. Бир аздан кийин кайра аракет кылыңыз.',
    ru: 'Слишком много попыток. Повторите немного позже.',
    en: 'Too many attempts. Please wait a little and try again.',
  },
  'accounts.login.codeFailed': {
    ky: 'Код туура эмес же мөөнөтү өттү.',
    ru: 'Код неверен или устарел.',
    en: 'The code is not correct or has expired.',
  },
  'accounts.login.sessionGone': {
    ky: 'Кирүү мөөнөтү бүттү. Кайра кириңиз.',
    ru: 'Время входа истекло. Войдите снова.',
    en: 'Your sign-in expired. Please sign in again.',
  },

  'accounts.title.forgot': { ky: 'Сырсөздү калыбына келтирүү', ru: 'Восстановление пароля', en: 'Reset your password' },
  'accounts.title.newPassword': { ky: 'Жаңы сырсөз', ru: 'Новый пароль', en: 'New password' },
  'accounts.forgot.intro': {
    ky: 'Логиниңизди же электрондук почтаңызды жазыңыз. Аккаунтта почта болсо, ага шилтеме жөнөтөбүз.',
    ru: 'Введите логин или электронную почту. Если у аккаунта есть почта, мы отправим на неё ссылку.',
    en: 'Enter your login or e-mail address. If the account has an e-mail address, we will send a link to it.',
  },
  'accounts.forgot.noMail': {
    ky: 'Бул порталдан кат жөнөтүлбөйт. Сырсөздү жаңыртуу үчүн БШКнын администраторуна кайрылыңыз.',
    ru: 'Этот портал не отправляет писем. Чтобы сбросить пароль, обратитесь к администратору ЦИК.',
    en: 'This portal does not send e-mail. Ask a commission administrator to reset your password.',
  },
  'accounts.forgot.sent': {
    ky: 'Мындай аккаунтта электрондук почта болсо, ага шилтеме жөнөтүлдү. Ал {minutes} мүнөт жарактуу.',
    ru: 'Если у такого аккаунта есть электронная почта, на неё отправлена ссылка. Она действует {minutes} мин.',
    en: 'If such an account has an e-mail address, a link has been sent to it. It is valid for {minutes} minutes.',
  },
  'accounts.reset.invalid': {
    ky: 'Бул шилтеме жараксыз, колдонулган же мөөнөтү өткөн. Жаңысын сураңыз.',
    ru: 'Ссылка недействительна, уже использована или устарела. Запросите новую.',
    en: 'This link is not valid, has been used or has expired. Ask for a new one.',
  },
  'accounts.mail.reset.subject': { ky: 'Сырсөздү жаңыртуу', ru: 'Сброс пароля', en: 'Password reset' },
  'accounts.mail.reset.body': {
    ky: '{login} аккаунтунун сырсөзүн жаңыртуу суралды. Жаңы сырсөз коюу үчүн ачыңыз ({minutes} мүнөт жарактуу, бир жолу гана):\n{link}\nЭгер сиз сураган эмес болсоңуз, бул катты этибарга албаңыз.',
    ru: 'Запрошен сброс пароля аккаунта {login}. Откройте ссылку, чтобы задать новый пароль (действует {minutes} мин., один раз):\n{link}\nЕсли вы не запрашивали сброс, просто не обращайте внимания на это письмо.',
    en: 'A password reset was asked for the account {login}. Open this link to set a new password (valid for {minutes} minutes, once):\n{link}\nIf you did not ask for it, ignore this message.',
  },
  'accounts.mail.delayed.subject': {
    ky: 'Аккаунтка кирүү аракеттери',
    ru: 'Попытки входа в аккаунт',
    en: 'Sign-in attempts on your account',
  },
  'accounts.mail.delayed.body': {
    ky: '{login} аккаунтуна {failures} жолу катары менен туура эмес сырсөз киргизилди (акыркысы {ip} дарегинен). Эми ар бир кийинки аракет күтөт. Бул сиз болбосоңуз, администраторго кабарлаңыз.',
    ru: 'Для аккаунта {login} {failures} раз подряд введён неверный пароль (последний раз с адреса {ip}). Теперь каждая следующая попытка ждёт. Если это были не вы, сообщите администратору.',
    en: 'Wrong passwords were entered {failures} times in a row for the account {login} (the last from {ip}). Each further attempt now has to wait. If this was not you, tell an administrator.',
  },
  'accounts.confirm.disable.title': {
    ky: '{login} бөгөттөлсүнбү?',
    ru: 'Заблокировать {login}?',
    en: 'Disable {login}?',
  },
  'accounts.confirm.disable.text': {
    ky: '{login} кире албай калат жана анын бардык сеанстары азыр бүтөт. Кийин кайра ачса болот.',
    ru: '{login} не сможет войти, все его сеансы завершатся сейчас. Позже доступ можно вернуть.',
    en: '{login} will not be able to sign in, and all their sessions end now. You can enable the account later.',
  },
  'accounts.confirm.reset.title': {
    ky: '{login} сырсөзү жаңыртылсынбы?',
    ru: 'Сбросить пароль {login}?',
    en: 'Reset the password of {login}?',
  },
  'accounts.confirm.reset.text': {
    ky: 'Эски сырсөз иштебей калат, бардык сеанстар бүтөт. Жаңы сырсөз бир жолу көрсөтүлөт.',
    ru: 'Старый пароль перестанет действовать, все сеансы завершатся. Новый пароль будет показан один раз.',
    en: 'The old password stops working and all sessions end. The new password is shown once.',
  },
  'accounts.account.signedInAs': {
    ky: 'Сиз {name} катары кирдиңиз',
    ru: 'Вы вошли как {name}',
    en: 'You are signed in as {name}',
  },
  'accounts.account.mustEnrol': {
    ky: 'БШКнын кызматкерлери эки баскычтуу кирүүнү күйгүзүшү керек. Ансыз башка бөлүмдөр ачылбайт.',
    ru: 'Сотрудники ЦИК должны включить двухэтапный вход. До этого другие разделы недоступны.',
    en: 'Commission staff must turn on two-step sign-in. Other sections stay closed until then.',
  },
  'accounts.done.password': { ky: 'Сырсөз өзгөртүлдү.', ru: 'Пароль изменён.', en: 'Your password has been changed.' },
  'accounts.done.totpOn': {
    ky: 'Эки баскычтуу кирүү күйгүзүлдү.',
    ru: 'Двухэтапный вход включён.',
    en: 'Two-step sign-in is now on.',
  },
  'accounts.done.totpOff': {
    ky: 'Эки баскычтуу кирүү өчүрүлдү.',
    ru: 'Двухэтапный вход отключён.',
    en: 'Two-step sign-in is now off.',
  },
  'accounts.done.disabled': {
    ky: 'Колдонуучу бөгөттөлдү.',
    ru: 'Пользователь заблокирован.',
    en: 'The user has been disabled.',
  },
  'accounts.done.enabled': {
    ky: 'Колдонуучу бөгөттөн чыгарылды.',
    ru: 'Пользователь разблокирован.',
    en: 'The user has been enabled.',
  },
  'accounts.done.email': {
    ky: 'Электрондук почта сакталды.',
    ru: 'Электронная почта сохранена.',
    en: 'Your e-mail address has been saved.',
  },
  'accounts.done.passwordReset': {
    ky: 'Жаңы сырсөз коюлду. Аны менен кириңиз.',
    ru: 'Новый пароль задан. Войдите с ним.',
    en: 'Your new password is set. Sign in with it.',
  },
  'accounts.done.revoked': { ky: 'Токен жокко чыгарылды.', ru: 'Токен отозван.', en: 'The token has been revoked.' },

  'accounts.totp.isOn': {
    ky: 'Эки баскычтуу кирүү күйүк.',
    ru: 'Двухэтапный вход включён.',
    en: 'Two-step sign-in is on.',
  },
  'accounts.totp.isOff': {
    ky: 'Эки баскычтуу кирүү өчүк. Күйгүзүү үчүн аутентификатор колдонмосу керек.',
    ru: 'Двухэтапный вход отключён. Для включения нужно приложение-аутентификатор.',
    en: 'Two-step sign-in is off. You need an authenticator app to turn it on.',
  },
  'accounts.totp.secret': {
    ky: 'Бул ачкычты колдонмого кошуңуз (же төмөнкү шилтемени):',
    ru: 'Добавьте этот ключ в приложение (или ссылку ниже):',
    en: 'Add this key to your app (or the link below):',
  },
  'accounts.totp.uri': { ky: 'otpauth шилтемеси', ru: 'Ссылка otpauth', en: 'otpauth link' },
  'accounts.totp.then': {
    ky: 'Андан кийин колдонмо көрсөткөн кодду жазып, ырастаңыз.',
    ru: 'Затем введите код, который показывает приложение, и подтвердите.',
    en: 'Then enter the code your app shows and confirm.',
  },

  'accounts.users.none': { ky: 'Колдонуучулар жок.', ru: 'Пользователей нет.', en: 'No users yet.' },
  'accounts.users.new': { ky: 'Жаңы колдонуучу', ru: 'Новый пользователь', en: 'New user' },
  'accounts.users.status': { ky: 'Абалы', ru: 'Статус', en: 'Status' },
  'accounts.users.active': { ky: 'Активдүү', ru: 'Активен', en: 'Active' },
  'accounts.users.disabled': { ky: 'Бөгөттөлгөн', ru: 'Заблокирован', en: 'Disabled' },
  'accounts.users.totp': { ky: '2FA', ru: '2FA', en: '2FA' },
  'accounts.users.binding': { ky: 'Партия / банк', ru: 'Партия / банк', en: 'Party / bank' },
  'accounts.users.actions': { ky: 'Аракеттер', ru: 'Действия', en: 'Actions' },
  'accounts.users.created': {
    ky: '«{login}» колдонуучусу түзүлдү. Сырсөздү азыр өткөрүп бериңиз: ал кайра көрсөтүлбөйт.',
    ru: 'Пользователь «{login}» создан. Передайте пароль сейчас: он больше не будет показан.',
    en: 'User "{login}" created. Hand over the password now: it will not be shown again.',
  },
  'accounts.users.resetDone': {
    ky: '«{login}» үчүн жаңы сырсөз. Ал кайра көрсөтүлбөйт.',
    ru: 'Новый пароль для «{login}». Он больше не будет показан.',
    en: 'New password for "{login}". It will not be shown again.',
  },
  'accounts.users.yes': { ky: 'ооба', ru: 'да', en: 'yes' },
  'accounts.users.no': { ky: 'жок', ru: 'нет', en: 'no' },

  'accounts.tokens.none': { ky: 'Токендер жок.', ru: 'Токенов нет.', en: 'No tokens yet.' },
  'accounts.tokens.new': { ky: 'Жаңы токен', ru: 'Новый токен', en: 'New token' },
  'accounts.tokens.intro': {
    ky: 'Токен программаларга сиздин атыңыздан тандалган уруксаттар менен гана иштөөгө мүмкүндүк берет. Аны `Authorization: Bearer …` башында жөнөтүңүз.',
    ru: 'Токен позволяет программам действовать от вашего имени только в пределах выбранных прав. Передавайте его в заголовке `Authorization: Bearer …`.',
    en: 'A token lets software act for you within the chosen scopes only. Send it in the `Authorization: Bearer …` header.',
  },
  'accounts.tokens.created': {
    ky: 'Токен түзүлдү. Аны азыр көчүрүп алыңыз: ал кайра көрсөтүлбөйт.',
    ru: 'Токен создан. Скопируйте его сейчас: он больше не будет показан.',
    en: 'Token created. Copy it now: it will not be shown again.',
  },
  'accounts.tokens.created_at': { ky: 'Түзүлгөн', ru: 'Создан', en: 'Created' },
  'accounts.tokens.expires': { ky: 'Мөөнөтү бүтөт', ru: 'Истекает', en: 'Expires' },
  'accounts.tokens.lastUsed': { ky: 'Акыркы колдонулушу', ru: 'Последнее использование', en: 'Last used' },
  'accounts.tokens.revoked': { ky: 'Жокко чыгарылган', ru: 'Отозван', en: 'Revoked' },
  'accounts.tokens.never': { ky: 'эч качан', ru: 'никогда', en: 'never' },
  'accounts.tokens.days': { ky: '{n} күн', ru: '{n} дн.', en: '{n} days' },

  'accounts.forbidden.text': {
    ky: 'Сиздин ролуңуз бул баракты ачууга же бул аракетти жасоого уруксат бербейт.',
    ru: 'Ваша роль не позволяет открыть эту страницу или выполнить это действие.',
    en: 'Your role does not allow you to open this page or take this action.',
  },

  'accounts.problem.login.invalid': {
    ky: '3–64 белги: кичине латын тамгалары, сандар, чекит, сызыкча же @.',
    ru: '3–64 символа: строчные латинские буквы, цифры, точка, дефис или @.',
    en: '3–64 characters: lower-case Latin letters, digits, dot, dash or @.',
  },
  'accounts.problem.email.invalid': {
    ky: 'Электрондук почтанын дареги туура эмес.',
    ru: 'Неверный адрес электронной почты.',
    en: 'This is not a valid e-mail address.',
  },
  'accounts.problem.login.taken': {
    ky: 'Бул логин бош эмес.',
    ru: 'Этот логин уже занят.',
    en: 'This login is already in use.',
  },
  'accounts.problem.password.too_short': {
    ky: 'Кеминде 12 белги болушу керек.',
    ru: 'Не менее 12 символов.',
    en: 'Must be at least 12 characters.',
  },
  'accounts.problem.newPassword.too_short': {
    ky: 'Кеминде 12 белги болушу керек.',
    ru: 'Не менее 12 символов.',
    en: 'Must be at least 12 characters.',
  },
  'accounts.problem.password.too_long': { ky: 'Өтө узун.', ru: 'Слишком длинный.', en: 'Too long.' },
  'accounts.problem.newPassword.too_long': { ky: 'Өтө узун.', ru: 'Слишком длинный.', en: 'Too long.' },
  'accounts.problem.currentPassword.wrong': {
    ky: 'Азыркы сырсөз туура эмес.',
    ru: 'Текущий пароль неверен.',
    en: 'The current password is not correct.',
  },
  'accounts.problem.role.invalid': { ky: 'Ролду тандаңыз.', ru: 'Выберите роль.', en: 'Choose a role.' },
  'accounts.problem.partyRegistrationNumber.required': {
    ky: 'Партиянын казыначысы үчүн партияны көрсөтүңүз.',
    ru: 'Для казначея партии укажите партию.',
    en: 'Give the party of a party treasurer.',
  },
  'accounts.problem.partyRegistrationNumber.not_allowed': {
    ky: 'Партия казыначы үчүн гана көрсөтүлөт.',
    ru: 'Партия указывается только для казначея.',
    en: 'Only a party treasurer is bound to a party.',
  },
  'accounts.problem.partyRegistrationNumber.unknown': {
    ky: 'Мындай номер менен партия катталган эмес.',
    ru: 'Партия с таким номером не зарегистрирована.',
    en: 'No party is registered under this number.',
  },
  'accounts.problem.bank.required': {
    ky: 'Банк кызматкери үчүн банкты көрсөтүңүз.',
    ru: 'Для сотрудника банка укажите банк.',
    en: 'Give the bank of a bank officer.',
  },
  'accounts.problem.bank.not_allowed': {
    ky: 'Банк банк кызматкери үчүн гана көрсөтүлөт.',
    ru: 'Банк указывается только для сотрудника банка.',
    en: 'Only a bank officer is bound to a bank.',
  },
  'accounts.problem.bank.invalid': {
    ky: '1–40 белги: латын тамгалары, сандар, чекит же сызыкча.',
    ru: '1–40 символов: латинские буквы, цифры, точка или дефис.',
    en: '1–40 characters: Latin letters, digits, dot or dash.',
  },
  'accounts.problem.code.invalid': {
    ky: 'Код туура эмес же мөөнөтү өттү.',
    ru: 'Код неверен или устарел.',
    en: 'The code is not correct or has expired.',
  },
  'accounts.problem.totp.required': {
    ky: 'БШКнын кызматкерлери эки баскычтуу кирүүнү өчүрө алышпайт.',
    ru: 'Сотрудники ЦИК не могут отключить двухэтапный вход.',
    en: 'Commission staff must keep two-step sign-in on.',
  },
  'accounts.problem.label.too_short': {
    ky: 'Аталышын жазыңыз.',
    ru: 'Укажите название.',
    en: 'Give the token a label.',
  },
  'accounts.problem.scopes.invalid': {
    ky: 'Жок дегенде бир уруксатты тандаңыз.',
    ru: 'Выберите хотя бы одно право.',
    en: 'Choose at least one scope.',
  },
  'accounts.problem.scopes.too_short': {
    ky: 'Жок дегенде бир уруксатты тандаңыз.',
    ru: 'Выберите хотя бы одно право.',
    en: 'Choose at least one scope.',
  },
  'accounts.problem.scopes.not_allowed': {
    ky: 'Сиздин ролуңуз бул уруксаттарды ала албайт: {scopes}.',
    ru: 'Ваша роль не может получить эти права: {scopes}.',
    en: 'Your role cannot hold these scopes: {scopes}.',
  },
  'accounts.problem.user.self': {
    ky: 'Өз аккаунтуңузду бөгөттөй албайсыз.',
    ru: 'Нельзя заблокировать собственный аккаунт.',
    en: 'You cannot disable your own account.',
  },
  'accounts.problem.user.last_admin': {
    ky: 'Акыркы активдүү администраторду бөгөттөөгө болбойт.',
    ru: 'Нельзя заблокировать последнего активного администратора.',
    en: 'The last active administrator cannot be disabled.',
  },
  'accounts.problem.generic.invalid': {
    ky: 'Маани туура эмес.',
    ru: 'Неверное значение.',
    en: 'This value is not valid.',
  },
  'accounts.problem.generic.too_short': {
    ky: 'Өтө кыска же бош.',
    ru: 'Слишком короткое или пустое значение.',
    en: 'Too short or empty.',
  },
  'accounts.problem.generic.too_long': { ky: 'Өтө узун.', ru: 'Слишком длинное значение.', en: 'Too long.' },
});

export const t = translator(portalMessages, accountMessages);
