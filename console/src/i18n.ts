// German and English texts for the review console, plus date formatting and language detection.
import { ERROR_CODE_TEXTS, FIELD_INVALID_TEXT } from '../../ui-shared/error-texts';
import {
  type Lang,
  makeI18n as makeSharedI18n,
  type I18n as SharedI18n,
  useI18nOf,
} from '../../ui-shared/i18n';
import type { FlagCategory, FlagOutcome, Provenance, Role } from './api';

export { detectLang, I18nContext, type Lang, labelFor, useLang } from '../../ui-shared/i18n';

/** "[PERSON_1], [EMAIL_1] and [PHONE_1]"; a long list ends in "…" after the first eight. */
function listed(items: readonly string[], and: string): string {
  if (items.length > 8) return `${items.slice(0, 8).join(', ')} …`;
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

const en = {
  appName: 'Obhut review console',
  skipLink: 'Skip to main content',
  navLabel: 'Console',
  langGroup: 'Language',
  signOut: 'Sign out',
  signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
  loading: 'Loading…',
  networkError: 'The service could not be reached. Check your connection and try again.',
  genericError: (status: number) => `Something went wrong (error ${status}). Please try again.`,
  errorCodes: ERROR_CODE_TEXTS.en,
  fieldInvalid: FIELD_INVALID_TEXT.en,
  showsServerMessages: true,
  errorPrefix: 'Error:',
  retry: 'Try again',
  cancel: 'Cancel',
  close: 'Close',
  saving: 'Saving…',

  roleName: {
    reviewer: 'Reviewer',
    lead: 'Lead',
    trust_safety: 'Trust & safety',
    privacy_officer: 'Privacy officer',
    admin: 'Administrator',
  } satisfies Record<Role, string> as Record<Role, string>,

  nav: {
    queue: 'Review queue',
    counts: 'Queue counts',
    flags: 'Flags',
    unmask: 'Unmask requests',
    audit: 'Subject access report',
    holds: 'Legal holds',
    requests: 'Data requests',
    staff: 'Staff',
    retention: 'Retention',
  },

  // Sign-in
  signInTitle: 'Sign in',
  signInIntro:
    'For review staff only. Everything you open here is recorded in a tamper-evident log, including who opened it and when.',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInFailed: 'Wrong username or password.',
  signInLocked:
    'Too many failed sign-ins for this username. Wait a few minutes, or ask an administrator to unlock it.',
  signInMissing: 'Enter your username and password.',
  sessionEnded: 'Your session has ended. Please sign in again.',
  signedOut: 'You have signed out.',

  // Access
  notAllowedTitle: 'Not allowed',
  notAllowedText:
    'Your role may not use this page. If you think you need it, ask an administrator.',
  goHome: 'Go to your start page',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address.',

  // Queue
  queueTitle: 'Review queue',
  queueIntro:
    'Take one task at a time. The text is shown first; you decide whether to play a recording. You can skip any task you are not comfortable with, without giving a reason.',
  nextTask: 'Next task',
  nextTaskShortcut: 'n',
  fetchingTask: 'Looking for a task…',
  noTask: 'There is no task for you right now: the queue is empty or your daily limit is reached.',
  noTaskReason: {
    queue_empty: 'There is no task for you right now: the queue is empty.',
    daily_quota: 'You have done as many tasks as you may today. Thank you; see you tomorrow.',
    exposure_limit: "You have reached today's listening time; take a break.",
  } as Record<string, string>,
  taskRemoved:
    'This task was removed: the person concerned objected to human review. It no longer counts for you.',
  taskNotYours:
    'This task is not assigned to you (any more), so it cannot be opened. Take the next one from the queue.',
  taskReleased: 'The task was handed back. Thank you for looking after yourself.',
  answerSaved: 'Your answer was saved.',
  stoppedAfterFlag:
    'You have stopped after flagging. The task is with the trust and safety team. Take a break before you continue.',

  // Task
  taskTitle: 'Review task',
  taskId: 'Task',
  kindName: { text: 'Text', audio: 'Recording', image: 'Image' } as Record<string, string>,
  quota: (used: number, limit: number) => `Today: ${used} of ${limit} tasks`,
  exposure: (minutes: number, limit: number) => `Listening time today: ${minutes} of ${limit} min`,
  expires: (at: string) => `Reserved for you until ${at}`,
  transcriptTitle: 'Redacted text',
  transcriptNote: 'Personal details were replaced with placeholders such as [PERSON_1].',
  noText: 'This task has no text.',
  audioTitle: 'Recording',
  audioNote:
    'The voice is altered and personal details are covered by a tone. Playback starts only when you press play, at low volume.',
  audioLoad: 'Load recording',
  play: 'Play',
  pause: 'Pause',
  audioLoading: 'Loading the recording…',
  audioFailed: 'The recording could not be loaded.',
  waveformLabel: (seconds: string) => `Waveform of the recording, ${seconds} seconds`,
  redactedMarks: 'Shaded areas are covered by a tone.',
  imageTitle: 'Image',
  imageHidden: 'Blurred and in greyscale. Hover or press “Show” to see it.',
  show: 'Show',
  hide: 'Blur again',

  wellnessTitle: 'Your viewing settings',
  wellnessNote: 'Saved for you on this device only.',
  blurImages: 'Blur images and show them in greyscale',
  muteAudio: 'Mute the recording',
  volume: 'Volume',
  skipUncomfortable: 'Skip: not comfortable',
  skipExplain: 'Hands the task back without any effect on you.',

  answerTitle: 'Your answer',
  transcriptCorrection: 'Corrected transcription',
  /** Names the placeholders of this transcript exactly as written, so none is retyped. */
  transcriptCorrectionHint: (placeholders: readonly string[]) =>
    placeholders.length > 0
      ? `Keep ${listed(placeholders, 'and')} exactly as written; do not add personal details.`
      : 'Do not add personal details.',
  labelsLegend: 'Labels',
  comment: 'Comment (optional)',
  submit: 'Submit answer',
  submitting: 'Submitting…',

  flag: 'Flag for safety team',
  flagTitle: 'Flag this task',
  flagIntro:
    'Use this when the content suggests someone may be harmed or a crime. You do not have to act yourself: a trained team takes over.',
  flagCategory: 'What did you notice?',
  flagCategories: {
    violence: 'Violence',
    sexual_abuse: 'Sexual abuse',
    self_harm: 'Self-harm or suicide risk',
    threat: 'A threat to someone',
    other: 'Something else',
  } satisfies Record<FlagCategory, string> as Record<FlagCategory, string>,
  flagNote: 'Note for the safety team (optional)',
  flagNoteHint: 'Describe what you heard or read. Do not guess who the person is.',
  sendFlag: 'Send flag',
  flagSent: 'Flag sent',
  flagWhatNext: 'What happens next',
  flagNextSteps: [
    'The trust & safety team reviews the task and decides whether it is reported. It has left your queue.',
    'You will not be told the outcome. You will not be asked to identify anyone: identity is only looked up under a separate, logged procedure with two approvals.',
    'You can stop reviewing now and take a break, without giving a reason.',
    'For support, talk to your lead.',
  ],
  stopNow: 'Stop for now',
  continueReview: 'Back to the queue',

  watermark: (id: string, at: string) => `${id} · ${at}`,
  shortcutsLabel: 'Keyboard shortcuts',
  shortcuts: 'n next task · space play/pause · a answer · f flag · s skip · Esc close dialog',

  // Lead
  countsTitle: 'Queue counts',
  countsIntro: 'Counts only; no content.',
  agreementTitle: 'Reviewer agreement',
  agreementIntro:
    "Krippendorff's alpha per question, over open and done tasks with at least two answers: 1 is full agreement, 0 no better than chance.",
  agreementQuestion: 'Question',
  agreementAlpha: 'Alpha',
  agreementItems: 'Tasks with 2+ answers',
  agreementNone: 'Not enough answers yet',
  countNames: {
    open: 'Open',
    assigned: 'Assigned',
    done: 'Done',
    flagged: 'Flagged',
    removed: 'Removed',
  } as Record<string, string>,
  exposureTitle: 'Exposure today',
  exposureIntro:
    'Listening time (audio played plus a fixed amount per image) across reviewers; nobody is named.',
  exposureNames: {
    reviewers_today: 'Reviewers active today',
    median_minutes: 'Median minutes',
    max_minutes: 'Most minutes',
    at_limit: 'At the daily limit',
    limit_minutes: 'Daily limit (minutes)',
  } as Record<string, string>,
  refresh: 'Refresh',

  // Trust & safety
  flagsTitle: 'Flags',
  flagsEmpty: 'No flags.',
  flagColCreated: 'Raised',
  flagColCategory: 'Category',
  flagColStatus: 'Status',
  flagColNote: 'Note',
  flagStatus: { open: 'Open', resolved: 'Resolved' } as Record<string, string>,
  open: 'Open',
  flagDetailTitle: 'Flag',
  redactedContent: 'Redacted content',
  revealTitle: 'Provenance and unredacted content',
  revealExplain:
    'Revealing shows where the record came from, and its unredacted content where the server releases it; who the person is needs an approved unmask request. The reveal is written to the access log with your id, the task and the time, and the person concerned can see that it happened.',
  reveal: 'Reveal provenance (logged)',
  revealing: 'Revealing…',
  rawText: 'Unredacted text',
  provenanceFields: {
    record_id: 'Record',
    source_url: 'Source',
    dataset: 'Dataset',
    collected_at: 'Collected',
    collector: 'Collector',
    license: 'Licence',
    created_at: 'Created',
    visibility: 'Visibility',
    subject: 'Subject (pseudonym)',
    // Every field the server may reveal has a name here (a raw key like `source_url` is no label).
  } satisfies Record<keyof Provenance, string> as Record<string, string>,
  resolveTitle: 'Resolve',
  outcome: 'Outcome',
  outcomes: {
    reported: 'Reported to the authorities',
    no_action: 'No action needed',
    escalated: 'Escalated',
  } satisfies Record<FlagOutcome, string> as Record<FlagOutcome, string>,
  resolveNote: 'Note (optional)',
  resolve: 'Resolve flag',
  resolved: 'The flag is resolved.',
  requestUnmask: 'Request unmasking',

  // Unmask
  unmaskTitle: 'Unmask requests',
  unmaskIntro:
    'Finding out who a person is needs a written justification and the approval of two people other than the requester. Every step is logged.',
  unmaskNewTitle: 'New request',
  unmaskTask: 'Task id',
  justification: 'Justification',
  sendRequest: 'Send request',
  unmaskLookupTitle: 'Look up or approve a request',
  requestId: 'Request id',
  lookUp: 'Look up',
  approve: 'Approve',
  unmaskStatus: { pending: 'Pending', approved: 'Approved', expired: 'Expired' } as Record<
    string,
    string
  >,
  approvals: 'Approvals',
  requestedBy: 'Requested by',
  identity: 'Identity',
  expiresAt: 'Expires',
  status: 'Status',

  // Privacy officer
  auditTitle: 'Subject access report',
  auditIntro:
    'Who accessed data of a person, and when. The platform and account are turned into the pseudonym used in the log; they are not stored.',
  platform: 'Platform',
  account: 'Account',
  runReport: 'Show accesses',
  subjectPseudonym: 'Pseudonym',
  noAccesses: 'No one has accessed this person’s data.',
  colWhen: 'When',
  colWho: 'Who',
  colTask: 'Task',
  colAction: 'Action',
  colLogIndex: 'Log entry',
  actionNames: {
    view: 'viewed',
    listen: 'listened',
    answer: 'answered',
    flag: 'flagged',
    reveal: 'revealed',
    unmask: 'unmasked',
    release: 'handed back',
  } as Record<string, string>,

  // Admin
  holdsTitle: 'Legal holds',
  holdsIntro:
    'A legal hold keeps raw recordings and records from the retention sweep while it is active: for one review item, or for every item of one person. Release it when the legal matter is over; placing and releasing are logged with your id.',
  holdPlaceTitle: 'Place a hold',
  holdOn: 'Hold',
  holdOnItem: 'One review item (by its item id)',
  holdOnSubject: 'Every item of one person (by platform and account)',
  itemId: 'Item id',
  itemIdHint: 'ri_ followed by 32 hex digits.',
  subjectHint:
    'The platform and account are turned into the pseudonym on the server and are not stored.',
  holdReason: 'Reason (e.g. the case or order number)',
  placeHold: 'Place hold',
  holdPlaced: 'The hold was placed.',
  noHolds: 'No legal hold is active.',
  colCovers: 'Covers',
  colReason: 'Reason',
  colPlacedBy: 'Placed by',
  colPlacedAt: 'Placed at',
  holdItem: 'Item',
  holdSubject: 'Person (pseudonym)',
  releaseHold: 'Release',
  confirmRelease: 'Release now',
  holdReleased: 'The hold was released.',

  // Requests (privacy officer)
  requestsTitle: 'Access and erasure requests',
  requestsIntro:
    'Open requests from people about their data, nearest deadline first. Your answer appears in the person’s portal and is mailed to them if they gave an address. Every action here is logged with your id.',
  noRequests: 'No request is open.',
  colKind: 'Request',
  colReceived: 'Received',
  colDeadline: 'Deadline',
  colAssignee: 'Assigned to',
  colMessage: 'Message',
  requestKind: { access: 'Access', erasure: 'Erasure' } as Record<string, string>,
  requestStatus: {
    received: 'received',
    in_progress: 'in progress',
    answered: 'answered',
    rejected: 'rejected',
  } as Record<string, string>,
  overdue: 'overdue',
  nobody: 'nobody',
  you: 'you',
  byMail: 'answer also by e-mail',
  assignToMe: 'Assign to me',
  assigned: 'The request is assigned to you.',
  answerRequest: 'Answer',
  answerText: 'Answer to the person',
  answerStatus: 'Then',
  answerStatuses: {
    answered: 'close as answered',
    rejected: 'close as rejected',
    in_progress: 'keep open (interim reply)',
  } as Record<string, string>,
  sendAnswer: 'Send answer',
  answerSent: 'The answer was sent; the request is closed.',
  interimSent: 'The interim reply was sent; the request stays open.',
  accessReport: 'Access report',
  reportSummary: (decisions: number, builds: number, items: number, accesses: number) =>
    `${decisions} decisions, ${builds} builds, ${items} review items, ${accesses} accesses.`,
  downloadReport: 'Download as JSON',
  erase: 'Carry out erasure',
  confirmErase:
    'This records an objection for every purpose and deletes the person’s review copies and raw media. It cannot be undone.',
  eraseNow: 'Erase now',
  erasureDone: 'The erasure is done and the person was answered.',
  erasureIncomplete: 'Not every step succeeded; the request stays open.',
  stillContaining: 'Published builds that still contain the person (stop using or rebuild):',
  moreRequests: 'Show more',
  filterAll: 'All',
  holdStateLabel: 'Show',
  holdStates: { active: 'In force', released: 'Released', all: 'All' },
  auditStaff: 'Member of staff (id, optional)',
  auditFrom: 'From (optional)',
  auditTo: 'Until (optional)',

  staffTitle: 'Staff',
  staffAddTitle: 'Add a member of staff',
  role: 'Role',
  passwordHint: 'At least 12 characters. Give it to the person in a safe way.',
  add: 'Add',
  added: (name: string) => `${name} was added.`,
  colUser: 'Username',
  colId: 'Id',
  colRole: 'Role',
  colState: 'State',
  active: 'Active',
  disabled: 'Disabled',
  disable: 'Disable',
  enable: 'Enable',
  changeRole: (name: string) => `Role of ${name}`,
  saved: 'Saved.',
  retentionTitle: 'Retention',
  retentionIntro:
    'Deletes raw and derived data whose retention period has ended, except items under a legal hold. Each deletion is logged.',
  sweep: 'Run retention sweep',
  sweeping: 'Sweeping…',
  sweepResult: (raw: number, derived: number) => `Deleted ${raw} raw and ${derived} derived files.`,
};

export type Messages = typeof en;

const de: Messages = {
  appName: 'Obhut Prüfkonsole',
  skipLink: 'Zum Inhalt springen',
  navLabel: 'Konsole',
  langGroup: 'Sprache',
  signOut: 'Abmelden',
  signedInAs: (name, role) => `Angemeldet als ${name} (${role})`,
  loading: 'Wird geladen …',
  networkError:
    'Der Dienst ist nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.',
  genericError: (status) =>
    `Etwas ist schiefgegangen (Fehler ${status}). Bitte versuchen Sie es erneut.`,
  errorCodes: ERROR_CODE_TEXTS.de,
  fieldInvalid: FIELD_INVALID_TEXT.de,
  showsServerMessages: false,
  errorPrefix: 'Fehler:',
  retry: 'Erneut versuchen',
  cancel: 'Abbrechen',
  close: 'Schließen',
  saving: 'Wird gespeichert …',

  roleName: {
    reviewer: 'Prüfer:in',
    lead: 'Teamleitung',
    trust_safety: 'Trust & Safety',
    privacy_officer: 'Datenschutzbeauftragte:r',
    admin: 'Administration',
  },

  nav: {
    queue: 'Prüfaufgaben',
    counts: 'Warteschlange',
    flags: 'Meldungen',
    unmask: 'Aufdeckungsanträge',
    audit: 'Zugriffsauskunft',
    holds: 'Legal Holds',
    requests: 'Betroffenenanfragen',
    staff: 'Mitarbeitende',
    retention: 'Aufbewahrung',
  },

  signInTitle: 'Anmelden',
  signInIntro:
    'Nur für Prüfpersonal. Alles, was Sie hier öffnen, wird manipulationssicher protokolliert – mit Ihrer Kennung und der Uhrzeit.',
  username: 'Benutzername',
  password: 'Passwort',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft …',
  signInFailed: 'Benutzername oder Passwort ist falsch.',
  signInLocked:
    'Zu viele fehlgeschlagene Anmeldungen für diesen Benutzernamen. Warten Sie einige Minuten oder bitten Sie die Administration, ihn freizugeben.',
  signInMissing: 'Bitte Benutzername und Passwort eingeben.',
  sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  signedOut: 'Sie haben sich abgemeldet.',

  notAllowedTitle: 'Nicht erlaubt',
  notAllowedText:
    'Ihre Rolle darf diese Seite nicht nutzen. Wenn Sie sie brauchen, wenden Sie sich an die Administration.',
  goHome: 'Zu Ihrer Startseite',
  notFoundTitle: 'Seite nicht gefunden',
  notFoundText: 'Unter dieser Adresse gibt es keine Seite.',

  queueTitle: 'Prüfaufgaben',
  queueIntro:
    'Bearbeiten Sie eine Aufgabe nach der anderen. Zuerst sehen Sie den Text; ob Sie eine Aufnahme abspielen, entscheiden Sie. Jede Aufgabe, die Ihnen nicht zumutbar ist, können Sie ohne Begründung überspringen.',
  nextTask: 'Nächste Aufgabe',
  nextTaskShortcut: 'n',
  fetchingTask: 'Aufgabe wird gesucht …',
  noTask:
    'Im Moment gibt es keine Aufgabe für Sie: Die Warteschlange ist leer oder Ihr Tageskontingent ist erreicht.',
  noTaskReason: {
    queue_empty: 'Im Moment gibt es keine Aufgabe für Sie: Die Warteschlange ist leer.',
    daily_quota: 'Sie haben heute so viele Aufgaben erledigt, wie Sie dürfen. Danke; bis morgen.',
    exposure_limit: 'Sie haben die heutige Hörzeit erreicht; machen Sie eine Pause.',
  },
  taskRemoved:
    'Diese Aufgabe wurde entfernt: Die betroffene Person hat der Prüfung durch Menschen widersprochen. Sie zählt nicht für Sie.',
  taskNotYours:
    'Diese Aufgabe ist Ihnen nicht (mehr) zugeteilt und kann nicht geöffnet werden. Nehmen Sie die nächste aus der Warteschlange.',
  taskReleased: 'Die Aufgabe wurde zurückgegeben. Danke, dass Sie auf sich achten.',
  answerSaved: 'Ihre Antwort wurde gespeichert.',
  stoppedAfterFlag:
    'Sie haben nach der Meldung aufgehört. Die Aufgabe liegt beim Trust-&-Safety-Team. Machen Sie eine Pause, bevor Sie weitermachen.',

  taskTitle: 'Prüfaufgabe',
  taskId: 'Aufgabe',
  kindName: { text: 'Text', audio: 'Aufnahme', image: 'Bild' },
  quota: (used, limit) => `Heute: ${used} von ${limit} Aufgaben`,
  exposure: (minutes, limit) => `Hörzeit heute: ${minutes} von ${limit} Min.`,
  expires: (at) => `Für Sie reserviert bis ${at}`,
  transcriptTitle: 'Geschwärzter Text',
  transcriptNote: 'Persönliche Angaben wurden durch Platzhalter wie [PERSON_1] ersetzt.',
  noText: 'Diese Aufgabe hat keinen Text.',
  audioTitle: 'Aufnahme',
  audioNote:
    'Die Stimme ist verfremdet, persönliche Angaben sind von einem Ton überdeckt. Die Wiedergabe beginnt erst, wenn Sie auf Abspielen drücken, und leise.',
  audioLoad: 'Aufnahme laden',
  play: 'Abspielen',
  pause: 'Pause',
  audioLoading: 'Aufnahme wird geladen …',
  audioFailed: 'Die Aufnahme konnte nicht geladen werden.',
  waveformLabel: (seconds) => `Wellenform der Aufnahme, ${seconds} Sekunden`,
  redactedMarks: 'Schraffierte Stellen sind von einem Ton überdeckt.',
  imageTitle: 'Bild',
  imageHidden: 'Unscharf und in Graustufen. Zum Ansehen darüberfahren oder „Zeigen“ drücken.',
  show: 'Zeigen',
  hide: 'Wieder unscharf',

  wellnessTitle: 'Ihre Anzeige-Einstellungen',
  wellnessNote: 'Nur auf diesem Gerät für Sie gespeichert.',
  blurImages: 'Bilder unscharf und in Graustufen zeigen',
  muteAudio: 'Aufnahme stumm schalten',
  volume: 'Lautstärke',
  skipUncomfortable: 'Überspringen: nicht zumutbar',
  skipExplain: 'Gibt die Aufgabe zurück, ohne Folgen für Sie.',

  answerTitle: 'Ihre Antwort',
  transcriptCorrection: 'Korrigierte Abschrift',
  transcriptCorrectionHint: (placeholders) =>
    placeholders.length > 0
      ? `${listed(placeholders, 'und')} bitte genau so stehen lassen; keine persönlichen Angaben ergänzen.`
      : 'Bitte keine persönlichen Angaben ergänzen.',
  labelsLegend: 'Kategorien',
  comment: 'Kommentar (freiwillig)',
  submit: 'Antwort absenden',
  submitting: 'Wird gesendet …',

  flag: 'An Sicherheitsteam melden',
  flagTitle: 'Diese Aufgabe melden',
  flagIntro:
    'Nutzen Sie dies, wenn der Inhalt darauf hindeutet, dass jemand zu Schaden kommen könnte oder eine Straftat vorliegt. Sie müssen nicht selbst handeln: Ein geschultes Team übernimmt.',
  flagCategory: 'Was ist Ihnen aufgefallen?',
  flagCategories: {
    violence: 'Gewalt',
    sexual_abuse: 'Sexueller Missbrauch',
    self_harm: 'Selbstverletzung oder Suizidgefahr',
    threat: 'Bedrohung einer Person',
    other: 'Etwas anderes',
  },
  flagNote: 'Hinweis für das Sicherheitsteam (freiwillig)',
  flagNoteHint:
    'Beschreiben Sie, was Sie gehört oder gelesen haben. Raten Sie nicht, wer die Person ist.',
  sendFlag: 'Meldung senden',
  flagSent: 'Meldung gesendet',
  flagWhatNext: 'Wie es weitergeht',
  flagNextSteps: [
    'Das Trust-&-Safety-Team prüft die Aufgabe und entscheidet, ob sie gemeldet wird. Sie ist aus Ihrer Warteschlange genommen.',
    'Über das Ergebnis werden Sie nicht informiert. Niemand verlangt von Ihnen, jemanden zu identifizieren: Die Identität wird nur in einem eigenen, protokollierten Verfahren mit zwei Freigaben ermittelt.',
    'Sie können jetzt mit dem Prüfen aufhören und eine Pause machen, ohne Begründung.',
    'Unterstützung erhalten Sie bei Ihrer Teamleitung.',
  ],
  stopNow: 'Für jetzt aufhören',
  continueReview: 'Zurück zu den Aufgaben',

  watermark: (id, at) => `${id} · ${at}`,
  shortcutsLabel: 'Tastenkürzel',
  shortcuts:
    'n nächste Aufgabe · Leertaste Abspielen/Pause · a Antwort · f melden · s überspringen · Esc Dialog schließen',

  countsTitle: 'Warteschlange',
  countsIntro: 'Nur Zahlen, keine Inhalte.',
  agreementTitle: 'Übereinstimmung der Prüfenden',
  agreementIntro:
    'Krippendorffs Alpha je Frage, über offene und erledigte Aufgaben mit mindestens zwei Antworten: 1 heißt volle Übereinstimmung, 0 nicht besser als Zufall.',
  agreementQuestion: 'Frage',
  agreementAlpha: 'Alpha',
  agreementItems: 'Aufgaben mit 2+ Antworten',
  agreementNone: 'Noch nicht genug Antworten',
  countNames: {
    open: 'Offen',
    assigned: 'Zugeteilt',
    done: 'Erledigt',
    flagged: 'Gemeldet',
    removed: 'Entfernt',
  },
  exposureTitle: 'Belastung heute',
  exposureIntro:
    'Hörzeit (abgespielte Aufnahmen plus ein fester Betrag je Bild) über alle Prüfenden; niemand wird genannt.',
  exposureNames: {
    reviewers_today: 'Heute aktive Prüfende',
    median_minutes: 'Minuten (Median)',
    max_minutes: 'Höchste Minutenzahl',
    at_limit: 'Am Tageslimit',
    limit_minutes: 'Tageslimit (Minuten)',
  },
  refresh: 'Aktualisieren',

  flagsTitle: 'Meldungen',
  flagsEmpty: 'Keine Meldungen.',
  flagColCreated: 'Gemeldet am',
  flagColCategory: 'Kategorie',
  flagColStatus: 'Status',
  flagColNote: 'Hinweis',
  flagStatus: { open: 'Offen', resolved: 'Erledigt' },
  open: 'Öffnen',
  flagDetailTitle: 'Meldung',
  redactedContent: 'Geschwärzter Inhalt',
  revealTitle: 'Herkunft und ungeschwärzter Inhalt',
  revealExplain:
    'Aufdecken zeigt, woher der Datensatz stammt, und seinen ungeschwärzten Inhalt, soweit der Server ihn freigibt; wer die Person ist, erfahren Sie nur über einen freigegebenen Aufdeckungsantrag. Das Aufdecken wird mit Ihrer Kennung, der Aufgabe und der Uhrzeit im Zugriffsprotokoll festgehalten, und die betroffene Person kann es sehen.',
  reveal: 'Herkunft aufdecken (wird protokolliert)',
  revealing: 'Wird aufgedeckt …',
  rawText: 'Ungeschwärzter Text',
  provenanceFields: {
    record_id: 'Datensatz',
    source_url: 'Quelle',
    dataset: 'Datenbestand',
    collected_at: 'Erhoben',
    collector: 'Erhoben durch',
    license: 'Lizenz',
    created_at: 'Erstellt',
    visibility: 'Sichtbarkeit',
    subject: 'Betroffene Person (Pseudonym)',
  } satisfies Record<keyof Provenance, string>,
  resolveTitle: 'Abschließen',
  outcome: 'Ergebnis',
  outcomes: {
    reported: 'An Behörden gemeldet',
    no_action: 'Kein Handlungsbedarf',
    escalated: 'Eskaliert',
  },
  resolveNote: 'Hinweis (freiwillig)',
  resolve: 'Meldung abschließen',
  resolved: 'Die Meldung ist abgeschlossen.',
  requestUnmask: 'Aufdeckung beantragen',

  unmaskTitle: 'Aufdeckungsanträge',
  unmaskIntro:
    'Wer eine Person ist, darf nur mit schriftlicher Begründung und der Freigabe zweier anderer Personen ermittelt werden. Jeder Schritt wird protokolliert.',
  unmaskNewTitle: 'Neuer Antrag',
  unmaskTask: 'Aufgaben-Kennung',
  justification: 'Begründung',
  sendRequest: 'Antrag stellen',
  unmaskLookupTitle: 'Antrag ansehen oder freigeben',
  requestId: 'Antrags-Kennung',
  lookUp: 'Ansehen',
  approve: 'Freigeben',
  unmaskStatus: { pending: 'Offen', approved: 'Freigegeben', expired: 'Abgelaufen' },
  approvals: 'Freigaben',
  requestedBy: 'Beantragt von',
  identity: 'Identität',
  expiresAt: 'Gültig bis',
  status: 'Status',

  auditTitle: 'Zugriffsauskunft',
  auditIntro:
    'Wer wann auf Daten einer Person zugegriffen hat. Plattform und Konto werden in das Pseudonym des Protokolls umgerechnet und nicht gespeichert.',
  platform: 'Plattform',
  account: 'Konto',
  runReport: 'Zugriffe anzeigen',
  subjectPseudonym: 'Pseudonym',
  noAccesses: 'Niemand hat auf Daten dieser Person zugegriffen.',
  colWhen: 'Wann',
  colWho: 'Wer',
  colTask: 'Aufgabe',
  colAction: 'Aktion',
  colLogIndex: 'Protokolleintrag',
  actionNames: {
    view: 'angesehen',
    listen: 'angehört',
    answer: 'beantwortet',
    flag: 'gemeldet',
    reveal: 'aufgedeckt',
    unmask: 'Identität ermittelt',
    release: 'zurückgegeben',
  },

  holdsTitle: 'Legal Holds',
  holdsIntro:
    'Ein Legal Hold (Aufbewahrungspflicht) bewahrt Rohaufnahmen und Datensätze vor dem Aufbewahrungslauf, solange er aktiv ist: für einen Prüfeintrag oder für alle Einträge einer Person. Heben Sie ihn auf, wenn die Rechtssache abgeschlossen ist; Setzen und Aufheben werden mit Ihrer Kennung protokolliert.',
  holdPlaceTitle: 'Legal Hold setzen',
  holdOn: 'Legal Hold für',
  holdOnItem: 'einen Prüfeintrag (über seine Eintragskennung)',
  holdOnSubject: 'alle Einträge einer Person (über Plattform und Konto)',
  itemId: 'Eintragskennung',
  itemIdHint: 'ri_ gefolgt von 32 Hexadezimalziffern.',
  subjectHint:
    'Plattform und Konto werden auf dem Server in das Pseudonym umgerechnet und nicht gespeichert.',
  holdReason: 'Grund (z. B. Aktenzeichen oder Beschluss)',
  placeHold: 'Legal Hold setzen',
  holdPlaced: 'Der Legal Hold wurde gesetzt.',
  noHolds: 'Kein Legal Hold ist aktiv.',
  colCovers: 'Umfang',
  colReason: 'Grund',
  colPlacedBy: 'Gesetzt von',
  colPlacedAt: 'Gesetzt am',
  holdItem: 'Eintrag',
  holdSubject: 'Person (Pseudonym)',
  releaseHold: 'Aufheben',
  confirmRelease: 'Jetzt aufheben',
  holdReleased: 'Der Legal Hold wurde aufgehoben.',

  requestsTitle: 'Auskunfts- und Löschanfragen',
  requestsIntro:
    'Offene Anfragen von Personen zu ihren Daten, die nächste Frist zuerst. Ihre Antwort erscheint im Portal der Person und wird ihr gemailt, wenn sie eine Adresse angegeben hat. Jede Handlung hier wird mit Ihrer Kennung protokolliert.',
  noRequests: 'Keine Anfrage ist offen.',
  colKind: 'Anfrage',
  colReceived: 'Eingegangen',
  colDeadline: 'Frist',
  colAssignee: 'Zuständig',
  colMessage: 'Nachricht',
  requestKind: { access: 'Auskunft', erasure: 'Löschung' },
  requestStatus: {
    received: 'eingegangen',
    in_progress: 'in Bearbeitung',
    answered: 'beantwortet',
    rejected: 'abgelehnt',
  },
  overdue: 'überfällig',
  nobody: 'niemand',
  you: 'Sie',
  byMail: 'Antwort auch per E-Mail',
  assignToMe: 'Mir zuweisen',
  assigned: 'Die Anfrage ist Ihnen zugewiesen.',
  answerRequest: 'Beantworten',
  answerText: 'Antwort an die Person',
  answerStatus: 'Danach',
  answerStatuses: {
    answered: 'als beantwortet schließen',
    rejected: 'als abgelehnt schließen',
    in_progress: 'offen lassen (Zwischenbescheid)',
  },
  sendAnswer: 'Antwort senden',
  answerSent: 'Die Antwort ist gesendet; die Anfrage ist geschlossen.',
  interimSent: 'Der Zwischenbescheid ist gesendet; die Anfrage bleibt offen.',
  accessReport: 'Auskunftsbericht',
  reportSummary: (decisions, builds, items, accesses) =>
    `${decisions} Entscheidungen, ${builds} Datensätze, ${items} Prüfeinträge, ${accesses} Zugriffe.`,
  downloadReport: 'Als JSON herunterladen',
  erase: 'Löschung durchführen',
  confirmErase:
    'Dies trägt für jeden Zweck einen Widerspruch ein und löscht die Prüfkopien und Rohdaten der Person. Das lässt sich nicht rückgängig machen.',
  eraseNow: 'Jetzt löschen',
  erasureDone: 'Die Löschung ist erledigt, und die Person hat die Antwort erhalten.',
  erasureIncomplete: 'Nicht jeder Schritt ist gelungen; die Anfrage bleibt offen.',
  stillContaining:
    'Veröffentlichte Datensätze, die die Person noch enthalten (nicht mehr verwenden oder neu bauen):',
  moreRequests: 'Mehr anzeigen',
  filterAll: 'Alle',
  holdStateLabel: 'Anzeigen',
  holdStates: { active: 'In Kraft', released: 'Aufgehoben', all: 'Alle' },
  auditStaff: 'Mitarbeiter (Kennung, optional)',
  auditFrom: 'Von (optional)',
  auditTo: 'Bis (optional)',

  staffTitle: 'Mitarbeitende',
  staffAddTitle: 'Person hinzufügen',
  role: 'Rolle',
  passwordHint: 'Mindestens 12 Zeichen. Geben Sie es der Person auf sicherem Weg.',
  add: 'Hinzufügen',
  added: (name) => `${name} wurde hinzugefügt.`,
  colUser: 'Benutzername',
  colId: 'Kennung',
  colRole: 'Rolle',
  colState: 'Zustand',
  active: 'Aktiv',
  disabled: 'Gesperrt',
  disable: 'Sperren',
  enable: 'Entsperren',
  changeRole: (name) => `Rolle von ${name}`,
  saved: 'Gespeichert.',
  retentionTitle: 'Aufbewahrung',
  retentionIntro:
    'Löscht Roh- und abgeleitete Daten, deren Aufbewahrungsfrist abgelaufen ist, außer Einträgen unter Aufbewahrungspflicht (Legal Hold). Jede Löschung wird protokolliert.',
  sweep: 'Aufbewahrungslauf starten',
  sweeping: 'Wird gelöscht …',
  sweepResult: (raw, derived) => `${raw} Roh- und ${derived} abgeleitete Dateien gelöscht.`,
};

const messages: Record<Lang, Messages> = { de, en };

export type I18n = SharedI18n<Messages>;

const FORMATS = {
  dateTime: {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
} as const;

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return makeSharedI18n(messages, FORMATS, lang, setLang);
}

export function useI18n(): I18n {
  return useI18nOf<Messages>();
}
