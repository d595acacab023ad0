// The default privacy and accessibility statements, under the `statements` key of the app's translations
// (t('statements.…')); texts.ts adds them when a statement page loads. A municipality that configures its own
// statement (GET /site) replaces these. Blank lines divide a text's paragraphs. Dutch at B1, "je".
export const nl = {
  municipality: 'de gemeente',
  privacy: {
    title: 'Privacyverklaring',
    intro:
      '{{name}} is verantwoordelijk voor Meedoen. Wij gaan zorgvuldig om met je gegevens en houden ons aan de Algemene verordening gegevensbescherming (AVG). Hier lees je welke gegevens we gebruiken, waarvoor, en wat je rechten zijn.',
    data: {
      title: 'Welke gegevens gebruiken we?',
      text: 'Als je een account maakt: je naam, je e-mailadres en je wachtwoord. We bewaren je wachtwoord zo dat niemand het kan lezen, ook wij niet.\n\nAls je je profiel invult: je wijk, wat je kunt, wat je leuk vindt, wat je wilt, wanneer je tijd hebt, wat je nodig hebt en hoe ver je wilt reizen. Als je dat wilt ook je geboortejaar en je telefoonnummer.\n\nAls je je aanmeldt voor een activiteit: je aanmelding en je bericht aan de organisatie.',
    },
    purpose: {
      title: 'Waarvoor gebruiken we je gegevens?',
      text: 'We gebruiken je gegevens om activiteiten te vinden die bij je passen, om je aan te melden bij een organisatie en om je e-mail te sturen over je aanmeldingen.\n\nWe gebruiken je gegevens niet voor reclame. We verkopen ze niet.',
    },
    recipients: {
      title: 'Wie ziet je gegevens?',
      text: 'Meld je je aan voor een activiteit? Dan ziet de organisatie je naam en je aanmelding. Je e-mailadres en telefoonnummer ziet de organisatie alleen als je dat zelf kiest.\n\nEen wijkwerker van de gemeente ziet je profiel alleen als je daar ja op hebt gezegd. Op de pagina ‘Wie keek er mee’ zie je wie je profiel heeft bekeken.',
    },
    cookies: {
      title: 'Cookies',
      text: 'Meedoen gebruikt alleen een cookie dat nodig is om ingelogd te blijven. We gebruiken geen cookies om je te volgen. Ook de lettertypen komen van onze eigen server, niet van een ander bedrijf.',
    },
    retention: {
      title: 'Hoe lang bewaren we je gegevens?',
      text: 'We bewaren je gegevens niet langer dan nodig. Wil je dat we je account en je gegevens verwijderen? Neem dan contact met ons op.',
    },
    rights: {
      title: 'Wat zijn je rechten?',
      text: 'Je mag je gegevens bekijken. Je mag ons vragen ze te verbeteren of te verwijderen. Je mag ook bezwaar maken tegen wat we met je gegevens doen. Neem daarvoor contact met ons op.\n\nBen je het niet eens met hoe we met je gegevens omgaan? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.',
    },
  },
  accessibility: {
    title: 'Toegankelijkheidsverklaring',
    intro:
      '{{name}} wil dat iedereen Meedoen kan gebruiken. Ook als je slecht ziet of hoort, als je een toetsenbord gebruikt in plaats van een muis, of als je moeilijk leest.',
    standard: {
      title: 'Aan welke eisen wil Meedoen voldoen?',
      text: 'Websites van de overheid moeten toegankelijk zijn. Dat staat in het Besluit digitale toegankelijkheid overheid. Meedoen wil voldoen aan de richtlijnen WCAG 2.1 op niveau AA. Die staan in de Europese norm EN 301 549.',
    },
    measures: {
      title: 'Wat doen we daarvoor?',
      text: 'We bouwen Meedoen met de onderdelen van NL Design System. We schrijven in eenvoudige taal.\n\nWe testen elke nieuwe versie automatisch op de richtlijnen, op een smal scherm van een telefoon en op een groot scherm. We testen ook of alles werkt met alleen een toetsenbord.',
    },
    status: {
      title: 'Hoe ver zijn we?',
      text: 'Een onafhankelijke deskundige heeft Meedoen nog niet onderzocht. Daarom weten we nog niet zeker of Meedoen aan alle eisen voldoet. Vinden we een probleem, dan lossen we dat zo snel mogelijk op.',
    },
    report: {
      title: 'Werkt iets niet goed?',
      text: 'Kun je iets op Meedoen niet lezen of niet gebruiken? Laat het ons weten. Vertel op welke pagina het was en wat er niet lukte. We helpen je dan verder, en we nemen zo snel mogelijk contact met je op.',
    },
    complaint: {
      title: 'Ben je niet tevreden?',
      text: 'Ben je niet tevreden met hoe wij je melding hebben opgepakt? Dan kun je een klacht indienen bij de Nationale ombudsman.',
    },
  },
}

export const en: typeof nl = {
  municipality: 'the municipality',
  privacy: {
    title: 'Privacy statement',
    intro:
      '{{name}} is responsible for Meedoen. We handle your data with care and follow the General Data Protection Regulation (GDPR). Here you can read which data we use, what for, and what your rights are.',
    data: {
      title: 'Which data do we use?',
      text: 'When you create an account: your name, your email address and your password. We store your password so that nobody can read it, not even us.\n\nWhen you fill in your profile: your district, what you can do, what you like, what you want, when you are free, what you need and how far you want to travel. If you want, also your year of birth and your phone number.\n\nWhen you sign up for an activity: your sign-up and your message to the organisation.',
    },
    purpose: {
      title: 'What do we use your data for?',
      text: 'We use your data to find activities that suit you, to sign you up with an organisation and to email you about your sign-ups.\n\nWe do not use your data for advertising. We do not sell it.',
    },
    recipients: {
      title: 'Who sees your data?',
      text: 'When you sign up for an activity, the organisation sees your name and your sign-up. It sees your email address and phone number only if you choose so.\n\nA neighbourhood worker of the municipality sees your profile only if you said yes to that. On the page ‘Who looked’ you see who looked at your profile.',
    },
    cookies: {
      title: 'Cookies',
      text: 'Meedoen only uses a cookie that is needed to keep you signed in. We use no cookies to follow you. The fonts, too, come from our own server, not from another company.',
    },
    retention: {
      title: 'How long do we keep your data?',
      text: 'We keep your data no longer than needed. Do you want us to delete your account and your data? Please contact us.',
    },
    rights: {
      title: 'What are your rights?',
      text: 'You may see your data. You may ask us to correct or delete it. You may also object to what we do with your data. Please contact us for this.\n\nDo you disagree with how we handle your data? Then you can file a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
    },
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      '{{name}} wants everyone to be able to use Meedoen. Also when you see or hear less well, when you use a keyboard instead of a mouse, or when reading is hard for you.',
    standard: {
      title: 'Which requirements does Meedoen aim to meet?',
      text: 'Government websites must be accessible. The Dutch Temporary Decree on Digital Accessibility of Government (Besluit digitale toegankelijkheid overheid) says so. Meedoen aims to meet the guidelines WCAG 2.1 at level AA. They are part of the European standard EN 301 549.',
    },
    measures: {
      title: 'What do we do for this?',
      text: 'We build Meedoen with the components of NL Design System. We write in plain language.\n\nWe test every new version automatically against the guidelines, on the narrow screen of a phone and on a large screen. We also test that everything works with a keyboard only.',
    },
    status: {
      title: 'How far are we?',
      text: 'An independent expert has not yet examined Meedoen. So we do not know for sure yet whether Meedoen meets all requirements. When we find a problem, we fix it as soon as we can.',
    },
    report: {
      title: 'Does something not work well?',
      text: 'Is there something on Meedoen you cannot read or use? Please let us know. Tell us on which page it was and what did not work. We will help you, and we will contact you as soon as we can.',
    },
    complaint: {
      title: 'Not satisfied?',
      text: 'Are you not satisfied with how we handled your report? Then you can file a complaint with the National Ombudsman (Nationale ombudsman).',
    },
  },
}
