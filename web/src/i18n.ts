// German and English texts for the subject portal, plus date formatting and language detection.
import { ERROR_CODE_TEXTS, FIELD_INVALID_TEXT } from '../../ui-shared/error-texts';
import {
  type Lang,
  makeI18n as makeSharedI18n,
  type I18n as SharedI18n,
  useI18nOf,
} from '../../ui-shared/i18n';
import type { ConsentState, RequestKind, RequestStatus } from './api';

export { detectLang, I18nContext, type Lang, labelFor, useLang } from '../../ui-shared/i18n';

const en = {
  appName: 'Obhut',
  appTagline: 'Your say over AI training and human review',
  skipLink: 'Skip to main content',
  navLabel: 'Main',
  navStatus: 'Your choices',
  navBuilds: 'Dataset builds',
  navRequests: 'Access and erasure',
  langGroup: 'Language',
  signOut: 'Sign out',
  footerLog: 'Public log:',
  footerNote: 'Every decision is recorded in a public, tamper-evident log.',

  loading: 'Loading…',
  networkError: 'The service could not be reached. Check your connection and try again.',
  genericError: (status: number) => `Something went wrong (error ${status}). Please try again.`,
  errorCodes: ERROR_CODE_TEXTS.en,
  fieldInvalid: FIELD_INVALID_TEXT.en,
  showsServerMessages: true,
  errorPrefix: 'Error:',
  retry: 'Try again',

  // Start
  startTitle: 'Your data, your decision',
  startIntro:
    'Here you can object to your posts being used to train AI (artificial intelligence), and to people reviewing your recordings. You can change your mind at any time.',
  startLogExplain:
    'Every decision you make is written to a public log. No one, not even us, can change or remove an entry later without it being noticed. For each decision you get a receipt that you can check yourself, without having to trust us.',
  startWhatTitle: 'What you can do here',
  startWhat: [
    'Object to the use of your posts for AI training, or give your consent.',
    'Object to people reviewing your recordings.',
    'See which dataset builds included your data and which left it out.',
    'Ask for a copy of your data, or for its erasure.',
  ],
  startNoAccount:
    'You do not need an account with us. Open the link you received from the platform, or sign in with your email address and a one-time code.',
  startSignedIn: 'You are signed in.',
  startGoToStatus: 'Go to your choices',
  exchanging: 'Signing you in with the link from the platform…',
  tokenInvalid:
    'This link is not valid or has expired. Ask the platform for a new link, or sign in with your email address.',
  sessionExpired: 'Your session has ended. Please sign in again.',
  signedOut: 'You have signed out.',
  emailDisabled:
    'Sign-in by email is not available. Please use the link you received from the platform.',

  emailTitle: 'Sign in by email',
  emailLabel: 'Email address',
  emailHint: 'We will send a one-time code to this address.',
  emailInvalid: 'Enter an email address, for example name@example.org.',
  sendCode: 'Send code',
  sending: 'Sending…',
  codeSent: (email: string) =>
    `If ${email} is a valid address, we have sent a code to it. It can take a few minutes to arrive; check your spam folder too.`,
  codeLabel: 'Code (6 digits)',
  codeHint: 'Enter the 6 digits from the email.',
  codeInvalid: 'Enter the 6 digits from the email.',
  codeWrong: 'The code is wrong or has expired. Check it, or ask for a new code.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  resendCode: 'Send a new code',
  otherEmail: 'Use a different email address',

  // Purposes and states
  purposeName: {
    ai_training: 'AI training',
    human_review: 'Human review',
  } as Record<string, string>,
  purposeExplain: {
    ai_training: 'Use of your posts to train AI models.',
    human_review:
      'People listening to or looking at your recordings, for example to check automatic transcripts.',
  } as Record<string, string>,
  stateText: {
    objected: 'You have objected',
    consented: 'You have consented',
    none: 'No decision recorded',
  } as Record<ConsentState, string>,
  stateSince: (date: string) => `since ${date}`,
  currentState: 'Current state:',

  // Status
  statusTitle: 'Your choices',
  statusIntro:
    'Each button records your decision in the public log straight away and gives you a receipt.',
  coveredTitle: 'Who your decisions cover',
  signedInBy: {
    email: 'You signed in with your email address.',
    platform: 'You signed in through the platform.',
  } as Record<string, string>,
  identityName: (kind: string, platform: string | null, current: boolean) =>
    `${kind === 'email' ? 'your email address' : platform ? `your ${platform} account` : 'your platform account'}${current ? ' (signed in now)' : ''}`,
  coveredList: (names: string[]) =>
    `Each decision below is recorded for, and applies to, ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}.`,
  emailAlone:
    'No platform account is linked to this email address yet, so your decisions cover only what is filed under the address, not your posts on a platform. What happens next: sign in once through the link your platform gives you (if the platform confirms this address, the two are linked), or ask the operator to link them. From the moment they are linked, your decisions here apply to the account too.',
  actionObject: {
    ai_training: 'Object to AI training',
    human_review: 'Object to human review',
  } as Record<string, string>,
  actionRevoke: {
    ai_training: 'Revoke my objection to AI training',
    human_review: 'Revoke my objection to human review',
  } as Record<string, string>,
  actionConsent: 'Consent to AI training',
  actionWithdraw: 'Withdraw my consent to AI training',
  saving: 'Recording your decision…',
  viewReceipt: 'View receipt for this decision',
  confirmTitle: 'Your decision was recorded',
  confirmReceiptIndex: (index: number) => `Log index ${index}.`,
  openReceipt: 'Open the receipt (printable)',
  downloadJson: 'Download receipt (JSON)',
  downloadTlog: 'Download receipt (tlog-proof)',
  downloaded: (name: string) => `Saved ${name}.`,

  // Receipt
  receiptTitle: (index: number) => `Receipt no. ${index}`,
  receiptIntro:
    'This receipt shows that your decision was written to the public log. Keep it: with it you can prove what you decided and when.',
  recordedTitle: 'What was recorded',
  fieldPurpose: 'Purpose',
  fieldAction: 'Decision',
  fieldTime: 'Time',
  fieldMeaning: 'Meaning',
  whereTitle: 'Where it was recorded',
  fieldLog: 'Log',
  fieldIndex: 'Log index',
  fieldEntry: 'Log entry (base64)',
  checkpointTitle: 'Checkpoint',
  checkpointExplain:
    'The signed state of the log that this receipt was checked against. It names the log, the number of entries and the root hash.',
  proofTitle: 'Proof hashes',
  proofExplain:
    'These hashes link your entry to the root hash in the checkpoint (inclusion proof).',
  proofEmpty: 'No hashes needed: your entry is the only one in the log at this checkpoint.',
  verifyTitle: 'How to check it yourself, offline',
  verifyStep1: 'Download the receipt as JSON (“Download receipt (JSON)”).',
  verifyStep2: 'In the folder where you saved it, run:',
  verifyStep3:
    'The command checks, without any network connection, that your entry is in the log and that the checkpoint was signed with the key shown. It prints an error if anything was changed.',
  verifyKeyMismatch:
    'Warning: the key in this receipt differs from the key this service publishes. The command above uses the published key.',
  print: 'Print receipt',
  backToStatus: 'Back to your choices',
  actionName: {
    object: 'Objection',
    revoke_objection: 'Objection revoked',
    consent: 'Consent given',
    withdraw_consent: 'Consent withdrawn',
  } as Record<string, string>,

  // Builds
  buildsTitle: 'Dataset builds',
  buildsIntro:
    'A dataset build collects data for AI training or human review. For each build you can see whether your data was in it or left out, and download the proof.',
  buildsEmpty: 'No dataset builds have been made yet that could have contained your data.',
  buildsCaption: 'Dataset builds and your data',
  colDate: 'Date',
  colPurpose: 'Purpose',
  colYourData: 'Your data',
  colAfterObjection: 'After your objection?',
  colProof: 'Proof',
  included: 'Included',
  leftOut: 'Left out',
  afterYes: 'Yes, made after your objection',
  afterNo: 'No',
  downloadProofFor: (date: string) => `, build of ${date}`,
  downloadProofShort: 'Download proof (JSON)',

  // Models
  modelsTitle: 'Models trained on your data',
  modelsIntro:
    'The operator registers which AI models were trained on which dataset builds. A model cannot be un-trained; an objection made after the model tells the operator to retrain it or remove your data.',
  modelsEmpty: 'No registered model was trained on a dataset build that contained your data.',
  modelsCaption: 'Models and your decision',
  colModel: 'Model',
  colRegistered: 'Registered',
  colYourDecision: 'Your objection',
  decisionNone: 'None',
  decisionObjected: (date: string) => `Objected on ${date}`,
  decisionWithdrawn: (date: string) => `Consent withdrawn on ${date}`,
  decisionAfter: 'after this model was trained: the operator must act on it',
  decisionBefore: 'before this model was registered',

  // Requests
  requestsTitle: 'Access and erasure',
  reportTitle: 'Your access report',
  reportIntro:
    'One file with everything we hold about what happened to your data: your decisions with receipts, every dataset build with a proof of whether your data was in it, your items in human review and every time someone accessed them.',
  reportDownload: 'Download the access report (JSON)',
  reportSummary: (s: {
    decisions: number;
    included: number;
    leftOut: number;
    reviewItems: number;
    accesses: number;
  }) =>
    `Saved. ${s.decisions} decisions, ${s.included} builds with your data, ${s.leftOut} without it, ${s.reviewItems} review items, ${s.accesses} accesses.`,
  requestsIntro:
    'You can ask for a copy of the data we hold about you, or ask us to erase it. We must answer within one month of receiving your request.',
  newRequestTitle: 'Make a request',
  kindLegend: 'What do you want?',
  kindAccess: 'Access: send me a copy of my data (Art. 15 GDPR)',
  kindErasure: 'Erasure: delete my data (Art. 17 GDPR)',
  kindMissing: 'Choose access or erasure.',
  messageLabel: 'Message (optional)',
  messageHint: (left: number) => `Up to 2000 characters. ${left} left.`,
  messageTooLong: 'The message can have at most 2000 characters.',
  sendRequest: 'Send request',
  sendingRequest: 'Sending…',
  requestSent: (received: string, deadline: string) =>
    `Your request was received on ${received}. We will answer by ${deadline}.`,
  yourRequestsTitle: 'Your requests',
  requestsEmpty: 'You have not made any requests yet.',
  kindName: {
    access: 'Access request',
    erasure: 'Erasure request',
  } as Record<RequestKind, string>,
  requestStatus: {
    received: 'Received',
    in_progress: 'In progress',
    answered: 'Answered',
    rejected: 'Rejected',
  } as Record<RequestStatus, string>,
  fieldStatus: 'Status',
  fieldReceived: 'Received',
  fieldDeadline: 'Answer due by',
  fieldAnswer: 'Answer',
  noAnswer: 'No answer yet.',

  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address.',

  // Receipt check in the browser
  navVerify: 'Check a receipt',
  verifyPageTitle: 'Check a receipt',
  verifyPageIntro:
    "This page checks a receipt here in your browser: the signature on the log's tree head and that your entry is in that tree. Nothing is sent to our server for the check.",
  verifyWhyKeyTitle: 'Why you need the key from somewhere else',
  verifyWhyKey: [
    'A receipt is only as trustworthy as the key you check it with. If the key came from this server, a server that was broken into, or an operator who wanted to deceive you, could make up a log, sign it with its own key and give you that key too: the check would pass and prove nothing.',
    "So take the key from a place this server does not control: the operator's main website, a printed notice, or a copy you saved earlier. Keep it; the same key checks every receipt from this log. This page's own code also comes from this server: for a check that trusts us in nothing, use the free command-line tool (obhut verify) or ask someone you trust.",
  ],
  verifyReceiptLabel: 'Receipt (JSON)',
  verifyReceiptHint: 'Paste the receipt you downloaded, or choose the file.',
  verifyReceiptFile: 'Receipt file',
  verifyKeyLabel: 'Verifier key',
  verifyKeyHint: 'It looks like name+1234abcd+AbCd…, from a place other than this server.',
  verifyKeyUrlLabel: 'Or load the key from an address (https)',
  verifyKeyUrlHint: 'The address where the operator publishes the key, apart from this service.',
  verifyKeyLoad: 'Load key',
  verifyKeyLoadFailed:
    'The key could not be loaded from that address. It must be https and allow reading from other sites (CORS); otherwise copy the key and paste it above.',
  verifyNeedBoth: 'Please give both the receipt and the key.',
  verifyFileTooLarge: 'This file is too large to be a receipt or a key.',
  verifyUnsupported:
    'This browser cannot do the check (it lacks Ed25519 in WebCrypto). Please use a current browser or obhut verify.',
  verifyCheck: 'Check',
  verifyProven: 'Proven.',
  verifyProvenText: (origin: string, index: number, size: number) =>
    `The log ${origin} signed, with the key you gave, a tree of ${size} entries that contains this receipt's entry ${index}.`,
  verifyNotProven: 'NOT proven.',
  verifyFailedCheck: {
    key: 'The key is not a valid verifier key.',
    receipt: 'The receipt is not complete or not readable.',
    signature: 'The tree head is not signed by the key you gave.',
    inclusion: 'The entry is not in the signed tree: the receipt was changed.',
  } as Record<'key' | 'receipt' | 'signature' | 'inclusion', string>,
  goHome: 'Go to the start page',
};

export type Messages = typeof en;

const de: Messages = {
  appName: 'Obhut',
  appTagline: 'Ihr Mitspracherecht bei KI-Training und menschlicher Prüfung',
  skipLink: 'Zum Hauptinhalt springen',
  navLabel: 'Hauptmenü',
  navStatus: 'Ihre Entscheidungen',
  navBuilds: 'Datensätze',
  navRequests: 'Auskunft und Löschung',
  langGroup: 'Sprache',
  signOut: 'Abmelden',
  footerLog: 'Öffentliches Protokoll:',
  footerNote: 'Jede Entscheidung wird in einem öffentlichen, fälschungssicheren Protokoll erfasst.',

  loading: 'Wird geladen …',
  networkError:
    'Der Dienst ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  genericError: (status: number) =>
    `Etwas ist schiefgegangen (Fehler ${status}). Bitte versuchen Sie es erneut.`,
  errorCodes: ERROR_CODE_TEXTS.de,
  fieldInvalid: FIELD_INVALID_TEXT.de,
  showsServerMessages: false,
  errorPrefix: 'Fehler:',
  retry: 'Erneut versuchen',

  startTitle: 'Ihre Daten, Ihre Entscheidung',
  startIntro:
    'Hier können Sie widersprechen, dass Ihre Beiträge zum Training von KI (künstlicher Intelligenz) verwendet werden und dass Menschen Ihre Aufnahmen prüfen. Sie können Ihre Entscheidung jederzeit ändern.',
  startLogExplain:
    'Jede Entscheidung wird in ein öffentliches Protokoll geschrieben. Niemand, auch wir nicht, kann einen Eintrag später unbemerkt ändern oder entfernen. Für jede Entscheidung erhalten Sie einen Beleg, den Sie selbst prüfen können, ohne uns vertrauen zu müssen.',
  startWhatTitle: 'Was Sie hier tun können',
  startWhat: [
    'Der Verwendung Ihrer Beiträge für KI-Training widersprechen oder darin einwilligen.',
    'Der Prüfung Ihrer Aufnahmen durch Menschen widersprechen.',
    'Sehen, welche Datensätze Ihre Daten enthalten und welche sie ausgelassen haben.',
    'Eine Kopie Ihrer Daten oder deren Löschung verlangen.',
  ],
  startNoAccount:
    'Sie brauchen kein Konto bei uns. Öffnen Sie den Link, den Sie von der Plattform erhalten haben, oder melden Sie sich mit Ihrer E-Mail-Adresse und einem Einmalcode an.',
  startSignedIn: 'Sie sind angemeldet.',
  startGoToStatus: 'Zu Ihren Entscheidungen',
  exchanging: 'Sie werden mit dem Link der Plattform angemeldet …',
  tokenInvalid:
    'Dieser Link ist ungültig oder abgelaufen. Bitten Sie die Plattform um einen neuen Link oder melden Sie sich mit Ihrer E-Mail-Adresse an.',
  sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  signedOut: 'Sie haben sich abgemeldet.',
  emailDisabled:
    'Die Anmeldung per E-Mail ist nicht verfügbar. Bitte verwenden Sie den Link, den Sie von der Plattform erhalten haben.',

  emailTitle: 'Anmeldung per E-Mail',
  emailLabel: 'E-Mail-Adresse',
  emailHint: 'Wir schicken einen Einmalcode an diese Adresse.',
  emailInvalid: 'Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@example.org.',
  sendCode: 'Code senden',
  sending: 'Wird gesendet …',
  codeSent: (email: string) =>
    `Falls ${email} eine gültige Adresse ist, haben wir einen Code dorthin geschickt. Das kann einige Minuten dauern; sehen Sie auch im Spam-Ordner nach.`,
  codeLabel: 'Code (6 Ziffern)',
  codeHint: 'Geben Sie die 6 Ziffern aus der E-Mail ein.',
  codeInvalid: 'Geben Sie die 6 Ziffern aus der E-Mail ein.',
  codeWrong:
    'Der Code ist falsch oder abgelaufen. Prüfen Sie ihn oder fordern Sie einen neuen Code an.',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft …',
  resendCode: 'Neuen Code senden',
  otherEmail: 'Andere E-Mail-Adresse verwenden',

  purposeName: {
    ai_training: 'KI-Training',
    human_review: 'Menschliche Prüfung',
  },
  purposeExplain: {
    ai_training: 'Verwendung Ihrer Beiträge zum Training von KI-Modellen.',
    human_review:
      'Menschen hören oder sehen sich Ihre Aufnahmen an, zum Beispiel um automatische Abschriften zu prüfen.',
  },
  stateText: {
    objected: 'Sie haben widersprochen',
    consented: 'Sie haben eingewilligt',
    none: 'Keine Entscheidung erfasst',
  },
  stateSince: (date: string) => `seit ${date}`,
  currentState: 'Aktueller Stand:',

  statusTitle: 'Ihre Entscheidungen',
  statusIntro:
    'Jede Schaltfläche schreibt Ihre Entscheidung sofort in das öffentliche Protokoll und gibt Ihnen einen Beleg.',
  coveredTitle: 'Für wen Ihre Entscheidungen gelten',
  signedInBy: {
    email: 'Sie haben sich mit Ihrer E-Mail-Adresse angemeldet.',
    platform: 'Sie haben sich über die Plattform angemeldet.',
  },
  identityName: (kind: string, platform: string | null, current: boolean) =>
    `${kind === 'email' ? 'Ihre E-Mail-Adresse' : platform ? `Ihr Konto bei ${platform}` : 'Ihr Plattform-Konto'}${current ? ' (jetzt angemeldet)' : ''}`,
  coveredList: (names: string[]) =>
    `Jede Entscheidung unten wird für ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`} erfasst und gilt dafür.`,
  emailAlone:
    'Mit dieser E-Mail-Adresse ist noch kein Plattform-Konto verknüpft. Ihre Entscheidungen gelten daher nur für das, was unter dieser Adresse geführt wird, nicht für Ihre Beiträge auf einer Plattform. So geht es weiter: Melden Sie sich einmal über den Link an, den Ihnen die Plattform gibt (bestätigt die Plattform diese Adresse, werden beide verknüpft), oder bitten Sie den Betreiber, beide zu verknüpfen. Ab der Verknüpfung gelten Ihre Entscheidungen hier auch für das Konto.',
  actionObject: {
    ai_training: 'Dem KI-Training widersprechen',
    human_review: 'Der menschlichen Prüfung widersprechen',
  },
  actionRevoke: {
    ai_training: 'Meinen Widerspruch gegen KI-Training zurücknehmen',
    human_review: 'Meinen Widerspruch gegen menschliche Prüfung zurücknehmen',
  },
  actionConsent: 'In KI-Training einwilligen',
  actionWithdraw: 'Meine Einwilligung in KI-Training widerrufen',
  saving: 'Ihre Entscheidung wird erfasst …',
  viewReceipt: 'Beleg zu dieser Entscheidung ansehen',
  confirmTitle: 'Ihre Entscheidung wurde erfasst',
  confirmReceiptIndex: (index: number) => `Protokollindex ${index}.`,
  openReceipt: 'Beleg öffnen (druckbar)',
  downloadJson: 'Beleg herunterladen (JSON)',
  downloadTlog: 'Beleg herunterladen (tlog-proof)',
  downloaded: (name: string) => `${name} gespeichert.`,

  receiptTitle: (index: number) => `Beleg Nr. ${index}`,
  receiptIntro:
    'Dieser Beleg zeigt, dass Ihre Entscheidung in das öffentliche Protokoll geschrieben wurde. Bewahren Sie ihn auf: Damit können Sie nachweisen, was Sie wann entschieden haben.',
  recordedTitle: 'Was erfasst wurde',
  fieldPurpose: 'Zweck',
  fieldAction: 'Entscheidung',
  fieldTime: 'Zeitpunkt',
  fieldMeaning: 'Bedeutung',
  whereTitle: 'Wo es erfasst wurde',
  fieldLog: 'Protokoll',
  fieldIndex: 'Protokollindex',
  fieldEntry: 'Protokolleintrag (Base64)',
  checkpointTitle: 'Prüfpunkt (Checkpoint)',
  checkpointExplain:
    'Der signierte Stand des Protokolls, auf den sich dieser Beleg bezieht. Er nennt das Protokoll, die Zahl der Einträge und den Wurzel-Hash.',
  proofTitle: 'Beweis-Hashes',
  proofExplain:
    'Diese Hashes verbinden Ihren Eintrag mit dem Wurzel-Hash im Prüfpunkt (Inklusionsbeweis).',
  proofEmpty: 'Keine Hashes nötig: Ihr Eintrag ist zu diesem Prüfpunkt der einzige im Protokoll.',
  verifyTitle: 'So prüfen Sie ihn selbst, ohne Internet',
  verifyStep1: 'Laden Sie den Beleg als JSON herunter („Beleg herunterladen (JSON)“).',
  verifyStep2: 'Führen Sie in dem Ordner, in dem Sie ihn gespeichert haben, diesen Befehl aus:',
  verifyStep3:
    'Der Befehl prüft ohne Netzverbindung, dass Ihr Eintrag im Protokoll steht und dass der Prüfpunkt mit dem angegebenen Schlüssel signiert wurde. Wurde etwas verändert, meldet er einen Fehler.',
  verifyKeyMismatch:
    'Achtung: Der Schlüssel in diesem Beleg weicht von dem Schlüssel ab, den dieser Dienst veröffentlicht. Der Befehl oben verwendet den veröffentlichten Schlüssel.',
  print: 'Beleg drucken',
  backToStatus: 'Zurück zu Ihren Entscheidungen',
  actionName: {
    object: 'Widerspruch',
    revoke_objection: 'Widerspruch zurückgenommen',
    consent: 'Einwilligung erteilt',
    withdraw_consent: 'Einwilligung widerrufen',
  },

  buildsTitle: 'Datensätze',
  buildsIntro:
    'Ein Datensatz fasst Daten für KI-Training oder menschliche Prüfung zusammen. Für jeden Datensatz sehen Sie, ob Ihre Daten enthalten sind oder ausgelassen wurden, und können den Nachweis herunterladen.',
  buildsEmpty: 'Bisher wurde noch kein Datensatz erstellt, der Ihre Daten hätte enthalten können.',
  buildsCaption: 'Datensätze und Ihre Daten',
  colDate: 'Datum',
  colPurpose: 'Zweck',
  colYourData: 'Ihre Daten',
  colAfterObjection: 'Nach Ihrem Widerspruch?',
  colProof: 'Nachweis',
  included: 'Enthalten',
  leftOut: 'Ausgelassen',
  afterYes: 'Ja, nach Ihrem Widerspruch erstellt',
  afterNo: 'Nein',
  downloadProofFor: (date: string) => `, Datensatz vom ${date}`,
  downloadProofShort: 'Nachweis herunterladen (JSON)',

  modelsTitle: 'Mit Ihren Daten trainierte Modelle',
  modelsIntro:
    'Der Betreiber verzeichnet, welche KI-Modelle mit welchen Datensätzen trainiert wurden. Ein Modell lässt sich nicht „enttrainieren“; ein Widerspruch nach dem Training verpflichtet den Betreiber, es neu zu trainieren oder Ihre Daten zu entfernen.',
  modelsEmpty:
    'Kein verzeichnetes Modell wurde mit einem Datensatz trainiert, der Ihre Daten enthielt.',
  modelsCaption: 'Modelle und Ihre Entscheidung',
  colModel: 'Modell',
  colRegistered: 'Verzeichnet',
  colYourDecision: 'Ihr Widerspruch',
  decisionNone: 'Keiner',
  decisionObjected: (date: string) => `Widersprochen am ${date}`,
  decisionWithdrawn: (date: string) => `Einwilligung widerrufen am ${date}`,
  decisionAfter: 'nach dem Training dieses Modells: der Betreiber muss handeln',
  decisionBefore: 'bevor dieses Modell verzeichnet wurde',

  requestsTitle: 'Auskunft und Löschung',
  reportTitle: 'Ihr Auskunftsbericht',
  reportIntro:
    'Eine Datei mit allem, was wir darüber wissen, was mit Ihren Daten geschah: Ihre Entscheidungen mit Belegen, jeder Datensatz mit einem Nachweis, ob Ihre Daten darin sind, Ihre Einträge in der Prüfung durch Menschen und jeder Zugriff darauf.',
  reportDownload: 'Auskunftsbericht herunterladen (JSON)',
  reportSummary: (s) =>
    `Gespeichert. ${s.decisions} Entscheidungen, ${s.included} Datensätze mit Ihren Daten, ${s.leftOut} ohne, ${s.reviewItems} Prüfeinträge, ${s.accesses} Zugriffe.`,
  requestsIntro:
    'Sie können eine Kopie der Daten verlangen, die wir über Sie speichern, oder deren Löschung. Wir müssen innerhalb eines Monats nach Eingang Ihres Antrags antworten.',
  newRequestTitle: 'Antrag stellen',
  kindLegend: 'Was möchten Sie?',
  kindAccess: 'Auskunft: Schicken Sie mir eine Kopie meiner Daten (Art. 15 DSGVO)',
  kindErasure: 'Löschung: Löschen Sie meine Daten (Art. 17 DSGVO)',
  kindMissing: 'Wählen Sie Auskunft oder Löschung.',
  messageLabel: 'Nachricht (freiwillig)',
  messageHint: (left: number) => `Bis zu 2000 Zeichen. Noch ${left} übrig.`,
  messageTooLong: 'Die Nachricht darf höchstens 2000 Zeichen lang sein.',
  sendRequest: 'Antrag senden',
  sendingRequest: 'Wird gesendet …',
  requestSent: (received: string, deadline: string) =>
    `Ihr Antrag ist am ${received} eingegangen. Wir antworten bis zum ${deadline}.`,
  yourRequestsTitle: 'Ihre Anträge',
  requestsEmpty: 'Sie haben noch keine Anträge gestellt.',
  kindName: {
    access: 'Auskunftsantrag',
    erasure: 'Löschantrag',
  },
  requestStatus: {
    received: 'Eingegangen',
    in_progress: 'In Bearbeitung',
    answered: 'Beantwortet',
    rejected: 'Abgelehnt',
  },
  fieldStatus: 'Status',
  fieldReceived: 'Eingegangen',
  fieldDeadline: 'Antwort fällig bis',
  fieldAnswer: 'Antwort',
  noAnswer: 'Noch keine Antwort.',

  notFoundTitle: 'Seite nicht gefunden',
  notFoundText: 'Unter dieser Adresse gibt es keine Seite.',

  navVerify: 'Beleg prüfen',
  verifyPageTitle: 'Beleg prüfen',
  verifyPageIntro:
    'Diese Seite prüft einen Beleg hier in Ihrem Browser: die Signatur auf dem Stand des Protokolls und dass Ihr Eintrag darin enthalten ist. Für die Prüfung wird nichts an unseren Server gesendet.',
  verifyWhyKeyTitle: 'Warum Sie den Schlüssel von anderswo brauchen',
  verifyWhyKey: [
    'Ein Beleg ist nur so vertrauenswürdig wie der Schlüssel, mit dem Sie ihn prüfen. Käme der Schlüssel von diesem Server, könnte ein Server, in den eingebrochen wurde, oder ein Betreiber, der Sie täuschen will, ein Protokoll erfinden, es mit einem eigenen Schlüssel signieren und Ihnen genau diesen Schlüssel geben: Die Prüfung ginge durch und bewiese nichts.',
    'Nehmen Sie den Schlüssel deshalb von einer Stelle, die dieser Server nicht kontrolliert: der Hauptwebsite des Betreibers, einer gedruckten Bekanntmachung oder einer Kopie, die Sie früher gespeichert haben. Bewahren Sie ihn auf; derselbe Schlüssel prüft jeden Beleg dieses Protokolls. Auch der Code dieser Seite kommt von diesem Server: Für eine Prüfung, die uns in nichts vertraut, nutzen Sie das freie Kommandozeilenwerkzeug (obhut verify) oder bitten Sie jemanden, dem Sie vertrauen.',
  ],
  verifyReceiptLabel: 'Beleg (JSON)',
  verifyReceiptHint: 'Fügen Sie den heruntergeladenen Beleg ein oder wählen Sie die Datei.',
  verifyReceiptFile: 'Beleg-Datei',
  verifyKeyLabel: 'Prüfschlüssel',
  verifyKeyHint: 'Er sieht aus wie name+1234abcd+AbCd… und stammt nicht von diesem Server.',
  verifyKeyUrlLabel: 'Oder den Schlüssel von einer Adresse laden (https)',
  verifyKeyUrlHint:
    'Die Adresse, unter der der Betreiber den Schlüssel getrennt von diesem Dienst veröffentlicht.',
  verifyKeyLoad: 'Schlüssel laden',
  verifyKeyLoadFailed:
    'Der Schlüssel ließ sich von dieser Adresse nicht laden. Sie muss https sein und das Lesen von anderen Seiten erlauben (CORS); sonst kopieren Sie den Schlüssel und fügen ihn oben ein.',
  verifyNeedBoth: 'Bitte geben Sie den Beleg und den Schlüssel an.',
  verifyFileTooLarge: 'Diese Datei ist zu groß für einen Beleg oder Schlüssel.',
  verifyUnsupported:
    'Dieser Browser kann die Prüfung nicht durchführen (ihm fehlt Ed25519 in WebCrypto). Bitte nutzen Sie einen aktuellen Browser oder obhut verify.',
  verifyCheck: 'Prüfen',
  verifyProven: 'Bewiesen.',
  verifyProvenText: (origin: string, index: number, size: number) =>
    `Das Protokoll ${origin} hat mit dem angegebenen Schlüssel einen Stand von ${size} Einträgen signiert, der Eintrag ${index} dieses Belegs enthält.`,
  verifyNotProven: 'NICHT bewiesen.',
  verifyFailedCheck: {
    key: 'Der Schlüssel ist kein gültiger Prüfschlüssel.',
    receipt: 'Der Beleg ist unvollständig oder nicht lesbar.',
    signature: 'Der Stand des Protokolls ist nicht mit dem angegebenen Schlüssel signiert.',
    inclusion: 'Der Eintrag ist nicht im signierten Stand enthalten: Der Beleg wurde verändert.',
  },
  goHome: 'Zur Startseite',
};

export const messages: Record<Lang, Messages> = { de, en };

// ---- meaning of a receipt in German (English uses the server's `meaning`) ------------------

const deMeaning: Record<string, Record<string, string>> = {
  ai_training: {
    object:
      'Sie haben der Verwendung Ihrer Beiträge für das Training von KI-Modellen widersprochen.',
    revoke_objection:
      'Sie haben Ihren Widerspruch gegen die Verwendung Ihrer Beiträge für das Training von KI-Modellen zurückgenommen.',
    consent:
      'Sie haben in die Verwendung Ihrer Beiträge für das Training von KI-Modellen eingewilligt.',
    withdraw_consent:
      'Sie haben Ihre Einwilligung in die Verwendung Ihrer Beiträge für das Training von KI-Modellen widerrufen.',
  },
  human_review: {
    object: 'Sie haben der Prüfung Ihrer Aufnahmen durch Menschen widersprochen.',
    revoke_objection:
      'Sie haben Ihren Widerspruch gegen die Prüfung Ihrer Aufnahmen durch Menschen zurückgenommen.',
    consent: 'Sie haben in die Prüfung Ihrer Aufnahmen durch Menschen eingewilligt.',
    withdraw_consent:
      'Sie haben Ihre Einwilligung in die Prüfung Ihrer Aufnahmen durch Menschen widerrufen.',
  },
};

export function receiptMeaning(
  lang: Lang,
  receipt: { purpose: string; action: string; meaning: string },
): string {
  if (lang === 'en') return receipt.meaning;
  return (
    deMeaning[receipt.purpose]?.[receipt.action] ??
    `Erfasst wurde: Zweck „${receipt.purpose}“, Entscheidung „${receipt.action}“.`
  );
}

// ---- React context --------------------------------------------------------------------------

export type I18n = SharedI18n<Messages>;

const FORMATS = {
  dateTime: {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  date: { year: 'numeric', month: 'long', day: 'numeric' },
} as const;

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return makeSharedI18n(messages, FORMATS, lang, setLang);
}

export function useI18n(): I18n {
  return useI18nOf<Messages>();
}
