// The follow-up texts, under the `followUps` key of the app's translations (t('followUps.…')); texts.ts adds them.
// Dutch at B1: short sentences, everyday words, "je". The timeline speaks to the worker about the resident, or to
// the resident about themselves.
export const nl = {
  // The link on the worker's start page.
  link: 'Navragen',
  linkHelp: 'Zie wie nog niet begonnen is of niet meer komt. Vraag na hoe het gaat.',
  // The worker's follow-ups page.
  page: {
    title: 'Navragen',
    back: 'Terug naar wijkwerk',
    intro: 'Deze bewoners zeiden ja op een voorstel van jou. Maar ze zijn nog niet begonnen, of ze komen niet meer. Vraag na hoe het gaat. Wie het langst wacht, staat bovenaan.',
    privacy: 'Je ziet alleen bewoners die hun profiel delen met wijkwerkers en in jouw wijken wonen.',
    empty: 'Er is nu niets om na te vragen.',
    list_one: '{{count}} voorstel om na te vragen.',
    list_other: '{{count}} voorstellen om na te vragen.',
    offer: 'Activiteit',
    messages: 'Berichten',
    messagesLabel: 'Berichten met {{name}} over {{title}}',
    closed: 'Je hebt het voorstel aan {{name}} ({{title}}) afgesloten. Het staat niet meer in deze lijst.',
    // Below the error when a referral changed meanwhile (someone else closed it): the list is loaded again.
    changed: 'Het gaat om het voorstel aan {{name}} ({{title}}). Dat is intussen veranderd. Daarom hebben we de lijst opnieuw geladen.',
  },
  // What needs attention, at the top of a card: a milestone that is due or missed, and/or absences in a row.
  attention: {
    startedDue: 'Nog niet begonnen. Dat kan nog tot en met {{date}}.',
    startedMissed: 'Nog niet begonnen — had uiterlijk {{date}} moeten beginnen.',
    markDue: 'Rond {{weeks}} weken nog niet geweest. Dat kan nog tot en met {{date}}.',
    markMissed: 'Rond {{weeks}} weken niet meer geweest ({{date}}).',
    missed_one: '{{count}} keer niet gekomen zonder af te melden, op {{date}}.',
    missed_other: '{{count}} keer achter elkaar niet gekomen zonder af te melden, sinds {{date}}.',
  },
  // The milestones: started, still going after 4 and after 12 weeks.
  timeline: {
    title: {
      worker: 'Voortgang',
      resident: 'Hoe gaat het?',
    },
    kind: {
      started: 'Begin',
      week_4: 'Na 4 weken',
      week_12: 'Na 12 weken',
    },
    worker: {
      started: {
        reached: 'Begonnen op {{date}}.',
        due: 'Nog niet begonnen. Dat kan tot en met {{date}}.',
        missed: 'Niet begonnen. Had uiterlijk {{date}} moeten beginnen.',
        upcoming: 'Nog niet begonnen.',
      },
      mark: {
        reached: 'Nog geweest, op {{date}}.',
        due: 'Rond {{date}}. Nog niet geweest.',
        missed: 'Rond {{date}} niet meer geweest.',
        upcoming: 'Rond {{date}}.',
      },
    },
    resident: {
      started: {
        reached: 'Je bent begonnen op {{date}}.',
        due: 'Je bent nog niet begonnen. Probeer uiterlijk {{date}} te beginnen.',
        missed: 'Je bent niet begonnen in de eerste 3 weken.',
        upcoming: 'Je bent nog niet begonnen.',
      },
      mark: {
        reached: 'Je was er nog, op {{date}}.',
        due: 'Dat is rond {{date}}.',
        missed: 'Je was er rond {{date}} niet.',
        upcoming: 'Dat is rond {{date}}.',
      },
    },
    outcome: {
      worker: {
        completed: 'Afgesloten: afgerond.',
        stopped: 'Afgesloten: gestopt. Reden: {{reason}}.',
      },
      resident: {
        completed: 'Je wijkwerker heeft dit afgesloten: het is afgerond.',
        stopped: 'Je wijkwerker heeft dit afgesloten: je bent gestopt. Reden: {{reason}}.',
      },
    },
  },
  // The reasons to stop, from the server's short list.
  reason: {
    health: 'Gezondheid',
    not_a_fit: 'Past niet',
    times: 'Tijden',
    travel: 'Reizen',
    found_work: 'Werk gevonden',
    moved: 'Verhuisd',
    other: 'Anders',
  },
  notes: {
    title: 'Notities',
    none: 'Nog geen notities.',
    label: 'Nieuwe notitie over {{name}}',
    help: 'Alleen jij leest je notities. Gebruik hoogstens {{max}} tekens.',
    over_one: 'Je hebt {{count}} teken te veel.',
    over_other: 'Je hebt {{count}} tekens te veel.',
    save: 'Notitie opslaan',
    saveLabel: 'Notitie opslaan over {{name}}',
    saving: 'Bezig met opslaan…',
    saved: 'Je notitie is opgeslagen.',
  },
  close: {
    title: 'Afsluiten',
    intro: 'Hoef je niet meer na te vragen? Sluit het voorstel dan af.',
    outcome: 'Hoe is het gegaan?',
    completed: 'Afgerond',
    completedHelp: '{{name}} doet mee zoals bedoeld, of heeft de activiteit afgemaakt.',
    stopped: 'Gestopt',
    stoppedHelp: '{{name}} doet niet meer mee.',
    reason: 'Waarom is {{name}} gestopt?',
    submit: 'Afsluiten',
    submitLabel: 'Afsluiten: {{name}}, {{title}}',
    closing: 'Bezig met afsluiten…',
  },
  gone: 'Je kunt dit voorstel niet meer volgen. Misschien deelt de bewoner het profiel niet meer met wijkwerkers, of woont de bewoner niet meer in jouw wijken.',
}

export const en: typeof nl = {
  link: 'Follow-ups',
  linkHelp: 'See who has not started yet or no longer comes. Ask how it is going.',
  page: {
    title: 'Follow-ups',
    back: 'Back to neighbourhood work',
    intro: 'These residents said yes to a suggestion of yours. But they have not started yet, or they no longer come. Ask how it is going. Whoever has waited longest is at the top.',
    privacy: 'You only see residents who share their profile with neighbourhood workers and live in your districts.',
    empty: 'There is nothing to follow up right now.',
    list_one: '{{count}} suggestion to follow up.',
    list_other: '{{count}} suggestions to follow up.',
    offer: 'Activity',
    messages: 'Messages',
    messagesLabel: 'Messages with {{name}} about {{title}}',
    closed: 'You closed the suggestion to {{name}} ({{title}}). It is no longer in this list.',
    changed: 'This is about the suggestion to {{name}} ({{title}}). It has changed in the meantime. That is why we loaded the list again.',
  },
  attention: {
    startedDue: 'Not started yet. That is possible until {{date}}.',
    startedMissed: 'Not started yet — should have started by {{date}}.',
    markDue: 'Not been there around {{weeks}} weeks yet. That is possible until {{date}}.',
    markMissed: 'No longer came around {{weeks}} weeks ({{date}}).',
    missed_one: 'Did not come {{count}} time without saying so, on {{date}}.',
    missed_other: 'Did not come {{count}} times in a row without saying so, since {{date}}.',
  },
  timeline: {
    title: {
      worker: 'Progress',
      resident: 'How is it going?',
    },
    kind: {
      started: 'Start',
      week_4: 'After 4 weeks',
      week_12: 'After 12 weeks',
    },
    worker: {
      started: {
        reached: 'Started on {{date}}.',
        due: 'Not started yet. That is possible until {{date}}.',
        missed: 'Did not start. Should have started by {{date}}.',
        upcoming: 'Not started yet.',
      },
      mark: {
        reached: 'Still came, on {{date}}.',
        due: 'Around {{date}}. Not been there yet.',
        missed: 'No longer came around {{date}}.',
        upcoming: 'Around {{date}}.',
      },
    },
    resident: {
      started: {
        reached: 'You started on {{date}}.',
        due: 'You have not started yet. Try to start by {{date}}.',
        missed: 'You did not start in the first 3 weeks.',
        upcoming: 'You have not started yet.',
      },
      mark: {
        reached: 'You were still there, on {{date}}.',
        due: 'That is around {{date}}.',
        missed: 'You were not there around {{date}}.',
        upcoming: 'That is around {{date}}.',
      },
    },
    outcome: {
      worker: {
        completed: 'Closed: completed.',
        stopped: 'Closed: stopped. Reason: {{reason}}.',
      },
      resident: {
        completed: 'Your neighbourhood worker closed this: it is completed.',
        stopped: 'Your neighbourhood worker closed this: you stopped. Reason: {{reason}}.',
      },
    },
  },
  reason: {
    health: 'Health',
    not_a_fit: 'Not a good fit',
    times: 'Times',
    travel: 'Travel',
    found_work: 'Found work',
    moved: 'Moved',
    other: 'Other',
  },
  notes: {
    title: 'Notes',
    none: 'No notes yet.',
    label: 'New note about {{name}}',
    help: 'Only you read your notes. Use at most {{max}} characters.',
    over_one: 'You have {{count}} character too many.',
    over_other: 'You have {{count}} characters too many.',
    save: 'Save note',
    saveLabel: 'Save note about {{name}}',
    saving: 'Saving…',
    saved: 'Your note has been saved.',
  },
  close: {
    title: 'Close',
    intro: 'No need to follow up any more? Then close the suggestion.',
    outcome: 'How did it go?',
    completed: 'Completed',
    completedHelp: '{{name}} takes part as planned, or has finished the activity.',
    stopped: 'Stopped',
    stoppedHelp: '{{name}} no longer takes part.',
    reason: 'Why did {{name}} stop?',
    submit: 'Close',
    submitLabel: 'Close: {{name}}, {{title}}',
    closing: 'Closing…',
  },
  gone: 'You can no longer follow this suggestion. Maybe the resident no longer shares their profile with neighbourhood workers, or no longer lives in your districts.',
}
