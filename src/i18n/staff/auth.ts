/**
 * Texts of signing in and the account, Dutch first: the second factor (the step after the password, setting
 * it up, recovery codes), a forgotten password (the pages and the email), my account (password, sessions,
 * API tokens) and single sign-on. The sign-in form's own texts are in common.ts (`signIn`, `account`).
 */
import type { Widen } from '../widen.ts';

const nl = {
  secondFactor: {
    title: 'Tweede stap: de code uit uw app',
    intro: 'Open de authenticator-app op uw telefoon en vul de code in die bij Verbeterpunt staat.',
    code: 'Code',
    codeHint:
      'De 6 cijfers uit uw app. Telefoon niet bij de hand? Vul dan een van uw herstelcodes in (16 tekens).',
    submit: 'Verder',
    codeMissing: 'Vul de code uit uw app in.',
    invalid: 'Deze code klopt niet of is al gebruikt. Vul de nieuwe code uit uw app in.',
    otherAccount: 'Niet u, of wilt u stoppen?',
    signOut: 'Afmelden',
  },
  enrol: {
    title: 'Tweestapsverificatie instellen',
    required:
      'Uw rol vraagt om een tweede stap bij het aanmelden, met een code uit een app op uw telefoon. Stel die nu in; daarna kunt u verder.',
    optional:
      'Met een tweede stap kan niemand zich als u aanmelden met alleen uw wachtwoord: er is ook een code uit een app op uw telefoon nodig.',
    step1:
      'Installeer een authenticator-app op uw telefoon, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP.',
    step2: 'Scan deze QR-code met de app:',
    qrLabel: 'QR-code om Verbeterpunt aan uw authenticator-app toe te voegen',
    manualHeading: 'Scannen lukt niet?',
    manualIntro: 'Voeg in de app met de hand een account toe met deze gegevens:',
    secret: 'Sleutel',
    account: 'Account',
    kind: 'Soort',
    kindValue: 'op tijd gebaseerd (TOTP), 6 cijfers, elke 30 seconden een nieuwe',
    openInApp: 'Open in de authenticator-app op dit apparaat',
    uri: 'Koppeling voor de app',
    step3: 'Vul de code van 6 cijfers in die de app nu laat zien:',
    submit: 'Tweestapsverificatie aanzetten',
    codeMissing: 'Vul de code van 6 cijfers uit uw app in.',
    codeFormat: 'Vul de 6 cijfers uit uw app in, zonder letters.',
    invalid:
      'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de nieuwe code uit de app in.',
  },
  recoveryCodes: {
    title: 'Uw herstelcodes',
    enabled: 'Tweestapsverificatie staat aan.',
    renewed: 'Er zijn nieuwe herstelcodes gemaakt. De oude werken niet meer.',
    intro:
      'Bewaar deze codes op een veilige plek, bijvoorbeeld in uw wachtwoordmanager of op papier. Met elke code kunt u zich één keer aanmelden als u uw telefoon niet bij de hand heeft.',
    once: 'Deze codes worden maar één keer getoond.',
    listLabel: 'Herstelcodes',
    continue: 'Verder',
  },
  manage: {
    title: 'Tweestapsverificatie',
    onSince: (date: string) => `Tweestapsverificatie staat aan sinds ${date}.`,
    codesLeft: (n: number) =>
      n === 1 ? 'U heeft nog 1 ongebruikte herstelcode.' : `U heeft nog ${n} ongebruikte herstelcodes.`,
    renewHeading: 'Nieuwe herstelcodes maken',
    renewText: 'U krijgt 10 nieuwe codes; de oude werken daarna niet meer.',
    renewSubmit: 'Nieuwe herstelcodes maken',
    removeHeading: 'Tweestapsverificatie uitzetten',
    removeText: 'Daarna is bij het aanmelden alleen uw wachtwoord nodig. Uw herstelcodes vervallen.',
    removeSubmit: 'Tweestapsverificatie uitzetten',
    requiredText:
      'Uw rol vraagt om tweestapsverificatie: u kunt die niet uitzetten. Een nieuwe telefoon? Zet de app over, of vraag de beheerder de tweede stap opnieuw in te laten stellen.',
    password: 'Uw wachtwoord',
    passwordHint: 'Ter bevestiging dat u het zelf bent.',
    passwordMissing: 'Vul uw wachtwoord in.',
    passwordWrong: 'Dit wachtwoord klopt niet.',
    removed: 'Tweestapsverificatie staat uit.',
    back: 'Terug naar mijn account',
  },
  account: {
    twoFactor: {
      heading: 'Tweestapsverificatie',
      on: (date: string) => `Staat aan sinds ${date}.`,
      off: 'Staat uit. Met een tweede stap is uw account beter beschermd.',
      required: 'Uw rol vraagt om tweestapsverificatie.',
      manage: 'Tweestapsverificatie beheren',
      setUp: 'Tweestapsverificatie instellen',
    },
    password: {
      heading: 'Wachtwoord wijzigen',
      current: 'Huidig wachtwoord',
      new: 'Nieuw wachtwoord',
      newHint: (min: number) =>
        `Minstens ${min} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`,
      confirm: 'Herhaal het nieuwe wachtwoord',
      submit: 'Wachtwoord wijzigen',
      done: 'Uw wachtwoord is gewijzigd. Op uw andere apparaten bent u afgemeld.',
      currentMissing: 'Vul uw huidige wachtwoord in.',
      currentWrong: 'Uw huidige wachtwoord klopt niet.',
      noPassword:
        'U meldt zich aan via eenmalige aanmelding en heeft hier geen wachtwoord. Kies er een via "Wachtwoord vergeten?" op de aanmeldpagina.',
    },
    sessions: {
      heading: 'Waar u bent aangemeld',
      caption: 'Uw actieve sessies',
      device: 'Apparaat',
      created: 'Aangemeld',
      lastSeen: 'Laatst actief',
      method: 'Manier',
      action: 'Actie',
      thisDevice: 'dit apparaat',
      end: 'Afmelden',
      endLabel: (device: string, created: string) => `Afmelden op ${device}, aangemeld ${created}`,
      unknownDevice: 'Onbekend apparaat',
      deviceOn: (browser: string, os: string) => `${browser} op ${os}`,
      methods: { password: 'Wachtwoord', oidc: 'Eenmalige aanmelding' },
      ended: 'U bent op dat apparaat afgemeld.',
    },
    tokens: {
      heading: 'Persoonlijke API-tokens',
      intro:
        'Voor scripts en koppelingen met de API (Authorization: Bearer …). Een token kan alles wat u mag; trek het in als u het niet meer gebruikt.',
      caption: 'Uw tokens',
      name: 'Naam',
      created: 'Gemaakt',
      lastUsed: 'Laatst gebruikt',
      action: 'Actie',
      never: 'Nog nooit',
      revoke: 'Intrekken',
      revokeLabel: (name: string) => `Token "${name}" intrekken`,
      none: 'U heeft geen actieve tokens.',
      newHeading: 'Nieuw token maken',
      newName: 'Naam van het token',
      newNameHint: 'Waarvoor u het gebruikt, bijvoorbeeld "maandrapportage".',
      submit: 'Token maken',
      createdTitle: 'Uw nieuwe token',
      createdText: (name: string) =>
        `Kopieer het token "${name}" nu en bewaar het veilig: het wordt maar één keer getoond.`,
      nameMissing: 'Geef het token een naam.',
      nameTooLong: 'Gebruik voor de naam hoogstens 100 tekens.',
      revoked: 'Het token is ingetrokken.',
    },
  },
  newPassword: {
    tooShort: (min: number) => `Kies een wachtwoord van minstens ${min} tekens.`,
    tooLong: (max: number) => `Kies een wachtwoord van hoogstens ${max} tekens.`,
    missing: 'Vul een nieuw wachtwoord in.',
    confirmMissing: 'Herhaal het nieuwe wachtwoord.',
    mismatch: 'De twee wachtwoorden zijn niet gelijk.',
    isEmail: 'Kies een wachtwoord dat niet uw e-mailadres is.',
    common: 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.',
  },
  reset: {
    title: 'Wachtwoord vergeten',
    intro:
      'Vul uw e-mailadres in. Hoort er een account bij, dan sturen wij een e-mail met een link om een nieuw wachtwoord te kiezen. De link werkt 60 minuten en één keer.',
    email: 'E-mailadres',
    submit: 'Link sturen',
    emailMissing: 'Vul uw e-mailadres in.',
    emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    sentTitle: 'Kijk in uw e-mail',
    sent: (email: string) =>
      `Hoort er een account bij ${email}, dan is er nu een e-mail met een link onderweg. Kijk ook bij ongewenste e-mail. Geen e-mail binnen een paar minuten? Vraag een nieuwe link aan, of neem contact op met de beheerder.`,
    toSignIn: 'Terug naar aanmelden',
    chooseTitle: 'Nieuw wachtwoord kiezen',
    inviteTitle: 'Welkom: kies uw wachtwoord',
    forAccount: (email: string) => `Voor het account ${email}.`,
    afterwards: 'Daarna bent u op al uw apparaten afgemeld en meldt u zich aan met het nieuwe wachtwoord.',
    save: 'Wachtwoord opslaan',
    invalidTitle: 'Deze link werkt niet meer',
    invalidText:
      'De link is al gebruikt, verlopen, of vervangen door een nieuwere link. Vraag hieronder een nieuwe aan.',
    again: 'Nieuwe link aanvragen',
    done: 'Uw wachtwoord is opgeslagen. Meld u aan met uw nieuwe wachtwoord.',
  },
  resetEmail: {
    subject: (organisation: string) => `Nieuw wachtwoord voor Verbeterpunt (${organisation})`,
    text: (p: { name: string; organisation: string; url: string; minutes: number }) =>
      [
        `Beste ${p.name},`,
        '',
        `Iemand, hopelijk u, vroeg om een nieuw wachtwoord voor Verbeterpunt van ${p.organisation}. Kies een nieuw wachtwoord via deze link:`,
        '',
        p.url,
        '',
        `De link werkt ${p.minutes} minuten en één keer. Vroeg u hier niet om? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.`,
      ].join('\n'),
  },
  inviteEmail: {
    subject: (organisation: string) => `Uw account voor Verbeterpunt (${organisation})`,
    text: (p: { name: string; organisation: string; url: string; days: number; signInUrl: string }) =>
      [
        `Beste ${p.name},`,
        '',
        `Er is een account voor u gemaakt in Verbeterpunt, waarin ${p.organisation} klachten behandelt. Kies uw wachtwoord via deze link:`,
        '',
        p.url,
        '',
        `De link werkt ${p.days} dagen en één keer. Daarna meldt u zich aan op ${p.signInUrl}.`,
      ].join('\n'),
  },
  singleSignOn: {
    unknownTitle: 'Geen account gevonden',
    unknownText: (provider: string, who: string) =>
      `U bent bij ${provider} aangemeld als ${who}, maar in Verbeterpunt hoort daar geen actief account bij. Vraag de beheerder om een account met uw e-mailadres; een account wordt niet vanzelf gemaakt.`,
    someone: 'iemand zonder bevestigd e-mailadres',
    failedTitle: 'Aanmelden is niet gelukt',
    failedText: (provider: string) =>
      `Aanmelden via ${provider} is niet gelukt. Probeer het opnieuw, of meld u aan met uw e-mailadres en wachtwoord.`,
    expiredText:
      'Het aanmelden duurde te lang, of begon in een ander venster. Probeer het opnieuw vanaf de aanmeldpagina.',
    unavailableText: (provider: string) =>
      `${provider} is nu niet bereikbaar. Probeer het later opnieuw, of meld u aan met uw e-mailadres en wachtwoord.`,
    toSignIn: 'Terug naar aanmelden',
  },
};

const en: Widen<typeof nl> = {
  secondFactor: {
    title: 'Second step: the code from your app',
    intro: 'Open the authenticator app on your phone and enter the code shown for Verbeterpunt.',
    code: 'Code',
    codeHint:
      'The 6 digits from your app. Phone not at hand? Enter one of your recovery codes (16 characters).',
    submit: 'Continue',
    codeMissing: 'Enter the code from your app.',
    invalid: 'This code is not right or was used already. Enter the new code from your app.',
    otherAccount: 'Not you, or want to stop?',
    signOut: 'Sign out',
  },
  enrol: {
    title: 'Set up two-step verification',
    required:
      'Your role asks for a second step when signing in, with a code from an app on your phone. Set it up now; then you can continue.',
    optional:
      'With a second step nobody can sign in as you with your password alone: a code from an app on your phone is needed too.',
    step1:
      'Install an authenticator app on your phone, for example Microsoft Authenticator, Google Authenticator or FreeOTP.',
    step2: 'Scan this QR code with the app:',
    qrLabel: 'QR code to add Verbeterpunt to your authenticator app',
    manualHeading: 'Cannot scan?',
    manualIntro: 'Add an account in the app by hand, with these details:',
    secret: 'Key',
    account: 'Account',
    kind: 'Type',
    kindValue: 'time-based (TOTP), 6 digits, a new one every 30 seconds',
    openInApp: 'Open in the authenticator app on this device',
    uri: 'Link for the app',
    step3: 'Enter the 6-digit code the app shows now:',
    submit: 'Turn on two-step verification',
    codeMissing: 'Enter the 6-digit code from your app.',
    codeFormat: 'Enter the 6 digits from your app, without letters.',
    invalid:
      'This code is not right. Check that the time on your phone is correct and enter the new code from the app.',
  },
  recoveryCodes: {
    title: 'Your recovery codes',
    enabled: 'Two-step verification is on.',
    renewed: 'New recovery codes were made. The old ones no longer work.',
    intro:
      'Keep these codes somewhere safe, for example in your password manager or on paper. Each code lets you sign in once when your phone is not at hand.',
    once: 'These codes are shown only once.',
    listLabel: 'Recovery codes',
    continue: 'Continue',
  },
  manage: {
    title: 'Two-step verification',
    onSince: (date) => `Two-step verification is on since ${date}.`,
    codesLeft: (n) =>
      n === 1 ? 'You have 1 unused recovery code left.' : `You have ${n} unused recovery codes left.`,
    renewHeading: 'Make new recovery codes',
    renewText: 'You get 10 new codes; the old ones stop working.',
    renewSubmit: 'Make new recovery codes',
    removeHeading: 'Turn off two-step verification',
    removeText: 'Then signing in needs only your password. Your recovery codes stop working.',
    removeSubmit: 'Turn off two-step verification',
    requiredText:
      'Your role asks for two-step verification: you cannot turn it off. A new phone? Move the app over, or ask the administrator to have the second step set up again.',
    password: 'Your password',
    passwordHint: 'To confirm that it is you.',
    passwordMissing: 'Enter your password.',
    passwordWrong: 'This password is not right.',
    removed: 'Two-step verification is off.',
    back: 'Back to my account',
  },
  account: {
    twoFactor: {
      heading: 'Two-step verification',
      on: (date) => `On since ${date}.`,
      off: 'Off. A second step protects your account better.',
      required: 'Your role asks for two-step verification.',
      manage: 'Manage two-step verification',
      setUp: 'Set up two-step verification',
    },
    password: {
      heading: 'Change password',
      current: 'Current password',
      new: 'New password',
      newHint: (min) =>
        `At least ${min} characters. A sentence of a few words is strong and easy to remember.`,
      confirm: 'Repeat the new password',
      submit: 'Change password',
      done: 'Your password is changed. You are signed out on your other devices.',
      currentMissing: 'Enter your current password.',
      currentWrong: 'Your current password is not right.',
      noPassword:
        'You sign in through single sign-on and have no password here. Choose one through "Forgot your password?" on the sign-in page.',
    },
    sessions: {
      heading: 'Where you are signed in',
      caption: 'Your active sessions',
      device: 'Device',
      created: 'Signed in',
      lastSeen: 'Last active',
      method: 'Method',
      action: 'Action',
      thisDevice: 'this device',
      end: 'Sign out',
      endLabel: (device, created) => `Sign out on ${device}, signed in ${created}`,
      unknownDevice: 'Unknown device',
      deviceOn: (browser, os) => `${browser} on ${os}`,
      methods: { password: 'Password', oidc: 'Single sign-on' },
      ended: 'You are signed out on that device.',
    },
    tokens: {
      heading: 'Personal API tokens',
      intro:
        'For scripts and integrations with the API (Authorization: Bearer …). A token can do all you may do; revoke it when you no longer use it.',
      caption: 'Your tokens',
      name: 'Name',
      created: 'Created',
      lastUsed: 'Last used',
      action: 'Action',
      never: 'Never',
      revoke: 'Revoke',
      revokeLabel: (name) => `Revoke token "${name}"`,
      none: 'You have no active tokens.',
      newHeading: 'Make a new token',
      newName: 'Name of the token',
      newNameHint: 'What you use it for, for example "monthly report".',
      submit: 'Make token',
      createdTitle: 'Your new token',
      createdText: (name) => `Copy the token "${name}" now and keep it safe: it is shown only once.`,
      nameMissing: 'Give the token a name.',
      nameTooLong: 'Use at most 100 characters for the name.',
      revoked: 'The token is revoked.',
    },
  },
  newPassword: {
    tooShort: (min) => `Choose a password of at least ${min} characters.`,
    tooLong: (max) => `Choose a password of at most ${max} characters.`,
    missing: 'Enter a new password.',
    confirmMissing: 'Repeat the new password.',
    mismatch: 'The two passwords are not the same.',
    isEmail: 'Choose a password that is not your email address.',
    common: 'This password is used a lot and easy to guess. Choose another one.',
  },
  reset: {
    title: 'Forgot your password',
    intro:
      'Enter your email address. If it belongs to an account, we send an email with a link to choose a new password. The link works for 60 minutes, once.',
    email: 'Email address',
    submit: 'Send link',
    emailMissing: 'Enter your email address.',
    emailInvalid: 'Enter a valid email address, for example name@example.com.',
    sentTitle: 'Check your email',
    sent: (email) =>
      `If ${email} belongs to an account, an email with a link is on its way. Check your junk mail too. No email within a few minutes? Ask for a new link, or contact the administrator.`,
    toSignIn: 'Back to sign in',
    chooseTitle: 'Choose a new password',
    inviteTitle: 'Welcome: choose your password',
    forAccount: (email) => `For the account ${email}.`,
    afterwards: 'Afterwards you are signed out on all your devices and sign in with the new password.',
    save: 'Save password',
    invalidTitle: 'This link no longer works',
    invalidText:
      'The link was used already, has expired, or was replaced by a newer link. Ask for a new one below.',
    again: 'Ask for a new link',
    done: 'Your password is saved. Sign in with your new password.',
  },
  resetEmail: {
    subject: (organisation) => `New password for Verbeterpunt (${organisation})`,
    text: (p) =>
      [
        `Dear ${p.name},`,
        '',
        `Someone, hopefully you, asked for a new password for Verbeterpunt of ${p.organisation}. Choose a new password through this link:`,
        '',
        p.url,
        '',
        `The link works for ${p.minutes} minutes, once. Did you not ask for this? Then you need not do anything: your password stays the same.`,
      ].join('\n'),
  },
  inviteEmail: {
    subject: (organisation) => `Your account for Verbeterpunt (${organisation})`,
    text: (p) =>
      [
        `Dear ${p.name},`,
        '',
        `An account was made for you in Verbeterpunt, where ${p.organisation} handles complaints. Choose your password through this link:`,
        '',
        p.url,
        '',
        `The link works for ${p.days} days, once. Afterwards you sign in at ${p.signInUrl}.`,
      ].join('\n'),
  },
  singleSignOn: {
    unknownTitle: 'No account found',
    unknownText: (provider, who) =>
      `You are signed in at ${provider} as ${who}, but no active account in Verbeterpunt belongs to it. Ask the administrator for an account with your email address; accounts are not made automatically.`,
    someone: 'someone without a confirmed email address',
    failedTitle: 'Signing in did not work',
    failedText: (provider) =>
      `Signing in through ${provider} did not work. Try again, or sign in with your email address and password.`,
    expiredText: 'Signing in took too long, or began in another window. Try again from the sign-in page.',
    unavailableText: (provider) =>
      `${provider} cannot be reached now. Try again later, or sign in with your email address and password.`,
    toSignIn: 'Back to sign in',
  },
};

export type AuthMessages = Widen<typeof nl>;
export const authMessages: Record<'nl' | 'en', AuthMessages> = { nl, en };
