/** Every text of the public pages in plain English. Typed by the Dutch file: every key must be here too. */
import type { AttachmentRules } from './nl.ts';
import type { PageMessages } from './types.ts';

export const en: PageMessages = {
  meta: {
    lang: 'en',
    dir: 'ltr',
    intl: 'en-GB',
    name: 'English',
    switchTo: 'Read this form in English',
    pageIn: 'This page in English',
  },

  layout: {
    skipLink: 'Skip to the content',
    logoAlt: (organisation: string) => `${organisation} – to the improvement form`,
    footerHeading: 'Contact',
    privacyStatement: 'Privacy statement',
    otherLanguage: 'Other language',
    phone: 'Phone',
    email: 'Email',
  },

  form: {
    title: 'Improvement form',
    htmlTitle: (organisation: string) => `Improvement form – ${organisation}`,
    errorTitlePrefix: 'Error: ',
    intro: (organisation: string) => [
      `Are you unhappy with ${organisation}? Or with someone who works for us? Tell us. Then we can do better.`,
      'You can also tell us about something small that annoyed you. We take every report seriously.',
    ],
    requiredNote: 'Only the first question is required. You can skip the other questions.',
    languageNote: 'What you have filled in stays. If you chose files, you need to choose them again.',
    sections: {
      what: 'What happened?',
      wish: 'What would make it right?',
      contact: 'How can we reach you?',
      about: 'About you',
      attachments: 'Files',
      privacy: 'What do we do with your information?',
    },
    fields: {
      description: { label: 'What happened? (required)', hint: 'Write it in your own words.' },
      eventDate: {
        label: 'When was it?',
        hint: 'For example 30-04-2026. If you do not know the date, leave this empty.',
      },
      eventPlace: {
        label: 'Where was it?',
        hint: 'For example: at the office, at an employer, or on the phone.',
      },
      eventCircumstances: {
        label: 'Was there anything special going on?',
        hint: 'For example: it was very busy, or you were not alone.',
      },
      involved: {
        label: 'Who was involved?',
        hint: 'Put each name on its own line. If you do not know the name, describe the person.',
      },
      desiredOutcome: {
        label: 'What would make it right for you?',
        hint: 'For example: an apology, a new appointment or a different job coach.',
      },
      contactChoice: {
        legend: 'May we contact you?',
        contact: 'Yes, you may contact me',
        contactHint: 'Fill in below how we can reach you: email, phone or address.',
        anonymous: 'No, I want to stay anonymous',
        anonymousHint:
          'We will not know who you are. We cannot call you or send you a letter. You do get your own private link. With that link you can see how your report is going.',
      },
      name: { label: 'Your name' },
      email: { label: 'Email address', hint: 'We will email you the link to follow your report.' },
      phone: { label: 'Phone number' },
      postalAddress: { label: 'Address', hint: 'Street and house number, postcode and town.' },
      consentToContact: {
        label: 'You may call or email me about my report.',
        hint: 'This is your choice. We handle your report even if you do not tick this.',
      },
      role: { label: 'Who are you?', choose: 'Choose an answer (you may leave this empty)' },
      commissioningPartyType: {
        label: 'Who pays for your trajectory?',
        hint: 'This is your commissioning party. If you are not happy with how we handle your report, you can also go to them.',
        choose: 'I do not know, or I have no trajectory',
      },
      commissioningPartyName: {
        label: 'Name of the commissioning party',
        hint: 'For example: UWV Utrecht or the municipality of Amersfoort.',
      },
      commissioningPartyContact: {
        label: 'Contact person or phone number of the commissioning party',
        hint: 'You may leave this empty.',
      },
      attachments: {
        label: 'Add files',
        hint: (rules: AttachmentRules) =>
          `For example a letter or a photo. You can add ${rules.maxFiles} files. Allowed: ${rules.types}. At most ${rules.maxFile} per file, ${rules.maxTotal} in total.`,
      },
      website: { label: 'Leave this field empty' },
    },
    attachmentTypes: 'PDF, JPG, PNG, HEIC, Word, email (.eml) and text (.txt)',
    roles: {
      candidate: 'Candidate: I am in a trajectory',
      employee: 'Employee',
      client: 'Client',
      employer: 'Employer',
      commissioning_party: 'Commissioning party, for example UWV or a municipality',
      representative: 'I report this for someone else',
      other: 'Something else',
    },
    partyTypes: {
      UWV: 'UWV',
      municipality: 'Municipality',
      employer: 'Employer',
      insurer: 'Insurer',
      other: 'Someone else',
    },
    privacy: {
      paragraphs: (p: { organisation: string; years: number }) => [
        `${p.organisation} keeps what you fill in and the files you send. We use this only to handle your report and to learn from it.`,
        'Only the staff who handle your report can see your information. The employee your report is about does not see your contact details.',
        `We keep your report for up to ${p.years} years after we close it. Then we delete it.`,
        'You may always ask which information we have about you. You may also ask us to correct or delete it.',
      ],
      link: 'Read more in our privacy statement',
    },
    contactPrivacyLink: 'What do we do with your information? Read our privacy statement',
    submit: 'Send my report',
    errors: {
      summaryHeading: 'Something is not filled in correctly',
      descriptionEmpty: 'Tell us in a few words what happened.',
      email: 'Enter a valid email address, like name@example.com.',
      phone: 'Enter a phone number with digits only. Spaces and + - ( ) are allowed too.',
      eventDate: 'Enter a date like 30-04-2026.',
      contactMissing:
        'Enter an email address, phone number or address. Or choose: No, I want to stay anonymous.',
      partyTypeMissing: 'Choose who pays for your trajectory.',
      tooManyNames: 'Enter at most 20 names.',
      fileTooLarge: (p: { name: string; max: string }) =>
        `The file ${p.name} is larger than ${p.max}. Choose a smaller file.`,
      filesTooLarge: (max: string) =>
        `Together the files are larger than ${max}. Choose fewer or smaller files.`,
      fileEmpty: (name: string) => `The file ${name} is empty. Choose another file.`,
      fileType: (p: { name: string; types: string }) =>
        `We cannot use the file ${p.name}. Allowed: ${p.types}.`,
      tooManyFiles: (max: number) => `You can add at most ${max} files.`,
      chooseFilesAgain: 'Your files have not been sent yet. Choose them again.',
      expired:
        'Your form has not been sent yet, because it was open for too long. Check what you filled in and send it again.',
    },
  },

  confirmation: {
    title: 'Thank you for your report',
    htmlTitle: (organisation: string) => `Thank you for your report – ${organisation}`,
    referenceLabel: 'The number of your report is',
    referenceNote: 'Mention this number when you contact us.',
    nextHeading: 'What happens now?',
    next: (p: { acknowledgeBy: string; resolveBy: string }) => [
      'A member of staff will handle your report. This is never the employee your report is about.',
      `By ${p.acknowledgeBy} at the latest, we confirm that we are handling your report.`,
      `By ${p.resolveBy} at the latest, we tell you what we have done with your report.`,
    ],
    linkHeading: 'Your own link',
    linkIntro:
      'With this link you can see how your report is going. You can also add to it. Keep the link safe and do not give it to others.',
    linkEmailed: 'We have also sent this link to your email address.',
    linkNotEmailed:
      'You did not fill in an email address. So keep the link yourself, for example as a bookmark.',
    openLink: 'View your report',
    decoyText: 'We have received your message.',
  },

  followUp: {
    title: (reference: string) => `Your report ${reference}`,
    htmlTitle: (p: { reference: string; organisation: string }) =>
      `Your report ${p.reference} – ${p.organisation}`,
    statusHeading: 'How is it going?',
    status: {
      registered: 'We have received your report. We are finding a member of staff to handle it.',
      handler_assigned: 'A member of staff will handle your report. You will soon get a confirmation.',
      acknowledged: 'We have confirmed that we are handling your report. The investigation starts soon.',
      investigating: 'We are looking into your report. We talk to the people who were involved.',
      decided: 'The investigation is finished. We will soon tell you what came out of it.',
      offer_made: 'We have offered you a solution. Let us know if you are happy with it.',
      offer_accepted: 'You are happy with the solution. We will send you a confirmation of what we agreed.',
      offer_rejected: 'You are not happy with the solution. We are looking at what else we can do.',
      resolved: 'Your report has been dealt with. You will still get a report from us.',
      reported: 'Your report has been dealt with. We have sent you a written report.',
      prevention_decided:
        'Your report has been dealt with. We have decided what we do to stop it happening again.',
      closed: 'Your report is closed.',
      not_taken_up: 'We are not handling your report. Our message tells you why.',
      withdrawn: 'You withdrew your report. We are not handling it any further.',
    },
    dates: {
      receivedAt: 'Received on',
      acknowledgeBy: 'Confirmation by',
      acknowledgedAt: 'Confirmed on',
      resolveBy: 'Answer by',
      resolvedAt: 'Dealt with on',
      closedAt: 'Closed on',
    },
    extended: (reason: string) => `We need more time. The reason: ${reason}`,
    handlerHeading: 'Who handles your report?',
    handler: (p: { name: string; jobTitle: string }) => `${p.name}, ${p.jobTitle}`,
    noHandler: 'No member of staff has been chosen yet.',
    offerHeading: 'Our offer',
    offerMadeAt: (date: string) => `On ${date} we offered you this:`,
    measureKinds: {
      correction: 'We put right what went wrong',
      redress: 'Compensation',
      replacement_service: 'A replacement service',
    },
    hearingRequested: 'You asked for a conversation. We will contact you to make an appointment.',
    messagesHeading: 'What you added',
    messageAt: (date: string) => `Added on ${date}`,
    lettersHeading: 'Letters we sent you',
    letterSent: (date: string) => `Sent on ${date}`,
    download: (subject: string) => `Download as PDF: ${subject}`,
    surveyAnswered: 'You answered our questions about how we handled your report. Thank you.',
    linkExpires: (date: string) => `This link works until ${date}.`,
    actionsHeading: 'What can you do?',
    noActions: 'You do not need to do anything now.',
    addInformation: {
      heading: 'Add something',
      text: { label: 'What else do you want to tell us?' },
      attachments: { label: 'Add files (you may leave this empty)' },
      submit: 'Add to my report',
    },
    requestHearing: {
      heading: 'A conversation',
      intro: 'Would you also like to tell your story in a conversation? Then we will contact you.',
      submit: 'I would like a conversation',
    },
    offerReaction: {
      heading: 'Are you happy with our offer?',
      reaction: { label: 'Your reaction (you may leave this empty)' },
      accept: 'I am happy with it',
      reject: 'I am not happy with it',
      submitAccept: 'Tell you that I am happy with it',
      submitReject: 'Tell you that I am not happy with it',
    },
    withdraw: {
      heading: 'Withdraw your report',
      intro:
        'Do you no longer want us to handle your report? Then you can withdraw it. You cannot undo this.',
      reason: { label: 'Why are you withdrawing your report? (you may leave this empty)' },
      confirm: { label: 'Yes, I want to withdraw my report.' },
      submit: 'Withdraw my report',
    },
    survey: {
      heading: 'What did you think?',
      intro: 'We want to learn. Will you answer three short questions?',
      handledWell: { legend: 'Did we handle your report well?', yes: 'Yes', partly: 'Partly', no: 'No' },
      onTime: { legend: 'Did you get an answer on time?', yes: 'Yes', no: 'No', unknown: 'I do not know' },
      comment: { label: 'Is there anything else you want to say? (you may leave this empty)' },
      submit: 'Send my answers',
    },
    done: {
      addInformation: 'Thank you. We have added your information to your report.',
      requestHearing: 'Thank you. We will contact you for a conversation.',
      recordOfferAccepted: 'Thank you. We have noted that you are happy.',
      recordOfferRejected:
        'Thank you. We have noted that you are not happy. We are looking at what else we can do.',
      withdraw: 'Your report has been withdrawn.',
      answerSurvey: 'Thank you for your answers.',
    },
    errors: {
      summaryHeading: 'That did not work',
      confirmMissing: 'Tick the box if you really want to withdraw your report.',
      textEmpty: 'Write down what you want to add.',
      choose: 'Choose an answer.',
      notNow:
        'This is no longer possible. Something may have changed in the meantime. See below how things stand now.',
    },
    appeal: {
      heading: 'Not happy with how we handle your report?',
      intro: 'Then you can take your complaint to another organisation. Do this in this order:',
      thirdInstance: 'Still not resolved? Then you can go to:',
      yourParty: 'Your commissioning party:',
      partyContact: 'Contact:',
    },
    advocacy: {
      heading: 'Help with your complaint',
      intro: 'These organisations stand up for people like you. They can help you.',
    },
  },

  errorPages: {
    backToForm: 'To the improvement form',
    contact: (p: { organisation: string; phone: string; email: string }) =>
      `Do you have a question? Call ${p.organisation} on ${p.phone} or email ${p.email}.`,
    notFound: {
      title: 'This page does not exist',
      text: 'Check the link. Did you get the link in an email? Then copy the whole link.',
    },
    expired: {
      title: 'This link no longer works',
      text: 'Your report was closed some time ago. That is why the link no longer works.',
    },
    tooLarge: {
      title: 'Your files are too large',
      text: (p: { maxFile: string; maxTotal: string; maxFiles: number }) =>
        `Nothing was sent. Each file can be at most ${p.maxFile}, ${p.maxTotal} in total. You can add ${p.maxFiles} files. Go back and choose smaller or fewer files.`,
    },
    rateLimited: {
      title: 'Please wait a moment',
      text: 'You have sent the form many times. Wait a minute and then try again.',
    },
    csrf: {
      title: 'Your form has expired',
      text: 'Nothing was sent. Go back, reload the page and try again.',
    },
    badRequest: {
      title: 'That did not work',
      text: 'Nothing was sent. Go back and try again.',
    },
    serverError: {
      title: 'Something went wrong',
      text: 'Something went wrong on our side. Nothing was sent. Please try again later.',
    },
  },
  privacyPage: {
    title: 'Privacy statement: your complaint and your information',
    htmlTitle: (organisation: string) => `Privacy statement for complaints – ${organisation}`,
    more: (organisation: string) => `How ${organisation} handles personal data otherwise is in`,
    moreLink: (organisation: string) => `the general privacy statement of ${organisation}`,
    toForm: 'To the improvement form',
  },
};
