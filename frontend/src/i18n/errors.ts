// Every API error `code` (top-level and field codes inside `errors`) that the pages can get, in plain Dutch (B1)
// and English. A few codes say something different on the organisation, worker or admin pages, or on one field
// there: those are in SCOPED_ERROR_TEXTS. Unknown codes fall back to a general message.

import type { components } from '../api/schema'

export type Lang = 'nl' | 'en'

/** Every code the API can answer with: generated from the server's `ErrorCode` (openapi.json). */
export type ApiErrorCode = components['schemas']['ErrorCode']
/** Codes the web app makes itself (no connection; a form's own check before sending). */
export type ClientErrorCode = 'network_error' | 'choose_district' | 'not_a_number' | 'title_length'

interface Text {
  nl: string
  en: string
}

/** A text for every code: the type check fails when the server gains a code without one. */
export const ERROR_TEXTS: Readonly<Record<ApiErrorCode | ClientErrorCode, Text>> = {
  // top-level codes
  validation_failed: { nl: 'Niet alles is goed ingevuld. Kijk naar de velden hieronder.', en: 'Some fields are not filled in correctly. Check the fields below.' },
  malformed_json: { nl: 'Er ging iets mis met het versturen. Probeer het nog een keer.', en: 'Something went wrong while sending. Please try again.' },
  malformed_body: { nl: 'Er ging iets mis met het versturen. Probeer het nog een keer.', en: 'Something went wrong while sending. Please try again.' },
  bad_request: { nl: 'Dit verzoek klopt niet. Probeer het nog een keer.', en: 'This request is not right. Please try again.' },
  link_invalid: { nl: 'Deze link werkt niet (meer). Vraag een nieuwe link aan.', en: 'This link does not work (any more). Ask for a new link.' },
  unauthenticated: { nl: 'Log eerst in.', en: 'Please sign in first.' },
  token_invalid: { nl: 'Je bent niet meer ingelogd. Log opnieuw in.', en: 'You are no longer signed in. Please sign in again.' },
  token_revoked: { nl: 'Je bent niet meer ingelogd. Log opnieuw in.', en: 'You are no longer signed in. Please sign in again.' },
  refresh_token_invalid: { nl: 'Je bent niet meer ingelogd. Log opnieuw in.', en: 'You are no longer signed in. Please sign in again.' },
  refresh_token_reused: { nl: 'Voor je veiligheid ben je uitgelogd. Log opnieuw in.', en: 'For your safety you were signed out. Please sign in again.' },
  invalid_credentials: { nl: 'Het e-mailadres of het wachtwoord klopt niet.', en: 'The email address or the password is not right.' },
  role_required: { nl: 'Dit kan niet met jouw account.', en: 'Your account cannot do this.' },
  email_not_verified: { nl: 'Bevestig eerst je e-mailadres. Kijk in je mail voor de link.', en: 'Confirm your email address first. Look in your mail for the link.' },
  referral_required: { nl: 'Je kunt je hier niet zelf aanmelden. Een wijkwerker kan je aanmelden. Vraag het aan je wijkwerker.', en: 'You cannot sign up for this yourself. A neighbourhood worker can sign you up. Ask your neighbourhood worker.' },
  signup_change_not_allowed: { nl: 'Dit mag je niet veranderen.', en: 'You cannot change this.' },
  not_found: { nl: 'We kunnen dit niet vinden.', en: 'We cannot find this.' },
  already_signed_up: { nl: 'Je bent al aangemeld voor deze activiteit.', en: 'You have already signed up for this activity.' },
  offer_not_open: { nl: 'Je kunt je hier nu niet voor aanmelden. De activiteit is gesloten.', en: 'You cannot sign up for this now. The activity is closed.' },
  offer_full: { nl: 'Er zijn geen plekken meer vrij.', en: 'There are no free places left.' },
  occurrence_cancelled: { nl: 'Deze keer gaat al niet door.', en: 'This meeting is already cancelled.' },
  occurrence_past: { nl: 'Deze keer is al begonnen of voorbij.', en: 'This meeting has already started or is over.' },
  signup_unchanged: { nl: 'Dit was al zo.', en: 'This was already the case.' },
  signup_transition_invalid: { nl: 'Dit kan niet meer bij deze aanmelding.', en: 'This is no longer possible for this sign-up.' },
  signup_changed: { nl: 'Je aanmelding is net veranderd. Laad de pagina opnieuw.', en: 'Your sign-up just changed. Please reload the page.' },
  payload_too_large: { nl: 'Je tekst is te lang.', en: 'Your text is too long.' },
  unsupported_media_type: { nl: 'Er ging iets mis met het versturen. Probeer het nog een keer.', en: 'Something went wrong while sending. Please try again.' },
  rate_limited: { nl: 'Je hebt het te vaak geprobeerd. Wacht even en probeer het dan opnieuw.', en: 'You tried too often. Wait a moment and try again.' },
  internal_error: { nl: 'Er ging bij ons iets mis. Probeer het later nog een keer.', en: 'Something went wrong on our side. Please try again later.' },
  service_unavailable: { nl: 'Meedoen is even druk. Probeer het over een paar seconden opnieuw.', en: 'Meedoen is busy. Please try again in a few seconds.' },
  network_error: { nl: 'Er is geen verbinding. Controleer je internet en probeer het opnieuw.', en: 'There is no connection. Check your internet and try again.' },
  already_exists: { nl: 'Dit bestaat al.', en: 'This already exists.' },
  constraint_violated: { nl: 'Dit kan niet: het klopt niet met de rest van de gegevens. Kijk het nog eens na.', en: 'This is not possible: it does not fit the rest of the data. Please check it.' },
  method_not_allowed: { nl: 'Dit verzoek klopt niet. Probeer het nog een keer.', en: 'This request is not right. Please try again.' },
  referral_exists: { nl: 'Deze activiteit is al voorgesteld en er is nog niet op geantwoord.', en: 'This activity was suggested already and has not been answered yet.' },
  referral_closed: { nl: 'Dit voorstel is al afgesloten.', en: 'This referral is closed already.' },
  referral_not_accepted: { nl: 'De bewoner heeft dit voorstel nog niet aangenomen.', en: 'The resident has not accepted this referral yet.' },
  referral_answered: { nl: 'Je hebt dit voorstel al beantwoord.', en: 'You have already answered this suggestion.' },
  // field codes
  not_a_district: { nl: 'Kies een wijk of dorp, geen groter gebied.', en: 'Choose a district or village, not a larger area.' },
  district_retired: { nl: 'Deze wijk bestaat niet meer. Kies een andere wijk.', en: 'This district no longer exists. Choose another one.' },
  invalid_parent: { nl: 'Dit gebied kan hier niet onder vallen. Kies een ander gebied erboven.', en: 'This area cannot fall under that one. Choose another area above it.' },
  unknown_tag: { nl: 'Een van je keuzes bestaat niet meer. Haal het vinkje weg.', en: 'One of your choices no longer exists. Untick it.' },
  too_many: { nl: 'Je hebt te veel gekozen. Kies er minder.', en: 'You chose too many. Choose fewer.' },
  invalid_window: { nl: 'Deze tijd klopt niet. Kies een dag en een dagdeel.', en: 'This time is not right. Choose a day and a part of the day.' },
  required: { nl: 'Vul dit in.', en: 'Fill this in.' },
  invalid: { nl: 'Dit klopt niet. Kijk het nog eens na.', en: 'This is not right. Please check it.' },
  invalid_email: { nl: 'Dit is geen goed e-mailadres.', en: 'This is not a valid email address.' },
  password_too_short: { nl: 'Gebruik minstens 10 tekens.', en: 'Use at least 10 characters.' },
  password_too_long: { nl: 'Gebruik hoogstens 128 tekens.', en: 'Use at most 128 characters.' },
  password_too_weak: { nl: 'Dit wachtwoord is te makkelijk te raden. Maak het langer, bijvoorbeeld met een paar losse woorden.', en: 'This password is too easy to guess. Make it longer, for example with a few separate words.' },
  too_long: { nl: 'Dit is te lang. Maak het korter.', en: 'This is too long. Make it shorter.' },
  control_characters: { nl: 'Hier staat een teken in dat niet kan, zoals een onzichtbaar stuurteken. In een naam of titel mag ook geen nieuwe regel of tab. Typ de tekst opnieuw.', en: 'This has a character that is not allowed, such as an invisible control character. A name or title may not have a new line or tab either. Type the text again.' },
  invisible_characters: { nl: 'Hier staat een onzichtbaar teken in, bijvoorbeeld van kopiëren en plakken. Typ de tekst opnieuw.', en: 'This has an invisible character in it, for example from copying and pasting. Type the text again.' },
  unknown_field: { nl: 'Er ging iets mis met het versturen. Probeer het nog een keer.', en: 'Something went wrong while sending. Please try again.' },
  unknown_reference: { nl: 'Dit bestaat niet (meer). Kies iets anders.', en: 'This does not exist (any more). Choose something else.' },
  out_of_range: { nl: 'Dit getal is te groot of te klein.', en: 'This number is too big or too small.' },
  companion_not_allowed: { nl: 'Bij deze activiteit kan er niemand mee.', en: 'Nobody can come along to this activity.' },
  // attendance
  occurrence_not_started: {
    nl: 'Deze keer is nog niet begonnen. Je kunt de presentie invullen vanaf het begin.',
    en: 'This meeting has not started yet. You can fill in the attendance from the start.',
  },
  attendance_locked: {
    nl: 'Deze presentielijst is dicht. Twee weken na de activiteit kun je hem niet meer veranderen.',
    en: 'This attendance register is closed. Two weeks after the activity it can no longer be changed.',
  },
  not_a_participant: {
    nl: 'Deze persoon heeft geen plek (meer) bij deze activiteit. Laad de pagina opnieuw.',
    en: 'This person does not have a place on this activity (any more). Please reload the page.',
  },
  listed_twice: { nl: 'Deze persoon staat twee keer in de lijst. Laad de pagina opnieuw.', en: 'This person is in the list twice. Please reload the page.' },
  // organisations and their activities
  organisation_not_verified: { nl: 'Dit kan pas als de gemeente je organisatie heeft goedgekeurd.', en: 'This is only possible once the municipality has approved your organisation.' },
  not_a_member: { nl: 'Je hoort niet bij deze organisatie.', en: 'You do not belong to this organisation.' },
  owner_required: { nl: 'Alleen een beheerder van de organisatie kan dit.', en: 'Only a manager of the organisation can do this.' },
  last_owner: {
    nl: 'Dit kan niet. Een organisatie heeft altijd minstens één beheerder. Maak eerst iemand anders beheerder.',
    en: 'This is not possible. An organisation always needs at least one manager. First make someone else a manager.',
  },
  already_member: { nl: 'Deze persoon hoort al bij de organisatie.', en: 'This person already belongs to the organisation.' },
  no_account: { nl: 'Niemand heeft een Meedoen-account met dit e-mailadres.', en: 'Nobody has a Meedoen account with this email address.' },
  invalid_slot: {
    nl: 'Deze tijd klopt niet. Kies een dag en vul een begin- en eindtijd in. Het einde moet na het begin zijn.',
    en: 'This time is not right. Choose a day and fill in a start and end time. The end must be after the start.',
  },
  invalid_session: {
    nl: 'Deze dag klopt niet. Vul een datum, een begintijd en een eindtijd in. Het einde moet na het begin zijn.',
    en: 'This date is not right. Fill in a date, a start time and an end time. The end must be after the start.',
  },
  invalid_date: { nl: 'Deze datum klopt niet.', en: 'This date is not right.' },
  before_start: { nl: 'De laatste dag is voor de eerste dag.', en: 'The last day is before the first day.' },
  district_not_served: { nl: 'Je organisatie is niet actief in deze wijk. Kies een andere wijk.', en: 'Your organisation is not active in this district. Choose another district.' },
  below_accepted: { nl: 'Er zijn al meer mensen aangenomen. Kies een groter aantal.', en: 'More people have been accepted already. Choose a larger number.' },
  choose_district: { nl: 'Kies minstens één wijk.', en: 'Choose at least one district.' },
  not_a_number: { nl: 'Vul een heel getal in, bijvoorbeeld 10.', en: 'Fill in a whole number, for example 10.' },
  title_length: { nl: 'Gebruik 3 tot 120 tekens.', en: 'Use 3 to 120 characters.' },
  // neighbourhood workers
  district_not_assigned: { nl: 'Dit is niet een van jouw wijken.', en: 'This is not one of your districts.' },
  unknown_resident: { nl: 'Een van deze bewoners doet niet (meer) mee. Maak de voorstellen opnieuw.', en: 'One of these residents no longer takes part. Make the suggestions again.' },
  unknown_offer: { nl: 'Een van deze activiteiten bestaat niet (meer). Maak de voorstellen opnieuw.', en: 'One of these activities no longer exists. Make the suggestions again.' },
  // admin
  tag_exists: { nl: 'Er is al een label met deze sleutel bij deze soort.', en: 'A label with this key exists already for this kind.' },
}

/** Where a page is: a scope's own texts win over the general ones. */
export type ErrorScope = 'organisation' | 'worker' | 'admin' | 'monitor'

/**
 * Texts that say something different in one scope: keyed by `code`, or by `field.code` for a code on one API field.
 * `{{name}}` placeholders are filled from the `vars` given to translateError.
 */
export const SCOPED_ERROR_TEXTS: Readonly<Record<ErrorScope, Readonly<Record<string, Text>>>> = {
  organisation: {
    not_found: { nl: 'We kunnen dit niet vinden. Misschien is het weggehaald.', en: 'We cannot find this. Maybe it was removed.' },
    'capacity.out_of_range': { nl: 'Vul een aantal van 1 tot 1000 in.', en: 'Fill in a number from 1 to 1000.' },
    'min_age.out_of_range': { nl: 'Vul een leeftijd van 0 tot 120 in.', en: 'Fill in an age from 0 to 120.' },
    'hours.out_of_range': { nl: 'Vul 0 tot 24 uur in, bijvoorbeeld 1,5.', en: 'Fill in 0 to 24 hours, for example 1.5.' },
  },
  worker: {
    referral_exists: {
      nl: 'Je hebt deze activiteit al aan {{name}} voorgesteld. {{name}} heeft nog niet geantwoord.',
      en: 'You already suggested this activity to {{name}}. {{name}} has not answered yet.',
    },
    already_signed_up: { nl: '{{name}} is al aangemeld voor deze activiteit.', en: '{{name}} has already signed up for this activity.' },
    offer_not_open: { nl: 'Deze activiteit neemt nu geen aanmeldingen aan.', en: 'This activity takes no sign-ups right now.' },
    role_required: { nl: 'Dit kan alleen met een wijkwerker-account.', en: 'Only a neighbourhood worker account can do this.' },
    // follow-ups: a note, and closing a referral
    'body.required': { nl: 'Schrijf eerst je notitie.', en: 'Write your note first.' },
    'body.too_long': { nl: 'Je notitie is te lang. Gebruik hoogstens 1000 tekens.', en: 'Your note is too long. Use at most 1000 characters.' },
    'outcome.required': { nl: 'Kies hoe het is gegaan: afgerond of gestopt.', en: 'Choose how it went: completed or stopped.' },
    'reason.required': { nl: 'Kies waarom de bewoner is gestopt.', en: 'Choose why the resident stopped.' },
  },
  admin: {
    'name.invalid': { nl: 'Vul een naam in van hoogstens 100 tekens.', en: 'Fill in a name of at most 100 characters.' },
    'code.invalid': { nl: 'Gebruik alleen letters en cijfers, hoogstens 20. Bijvoorbeeld WK011402.', en: 'Use letters and digits only, at most 20. For example WK011402.' },
    'parent_id.invalid_parent': {
      nl: 'Dit kan hier niet onder. Een gebied hoort bij een gemeente. Een wijk hoort bij een gemeente of een gebied. Een gemeente hoort nergens onder.',
      en: 'This cannot go here. An area belongs to a municipality. A district belongs to a municipality or an area. A municipality belongs to nothing.',
    },
    'parent_id.district_retired': { nl: 'Dit is opgeheven. Kies iets anders.', en: 'This has been retired. Choose something else.' },
    'key.invalid': {
      nl: 'Gebruik 2 tot 40 kleine letters, cijfers of liggende streepjes (_). Begin met een letter.',
      en: 'Use 2 to 40 lower-case letters, digits or underscores (_). Start with a letter.',
    },
    'key.tag_exists': { nl: 'Er is al een label met deze sleutel bij deze soort. Kies een andere sleutel.', en: 'A label with this key exists already for this kind. Choose another key.' },
    'label_nl.invalid': { nl: 'Vul een naam in van hoogstens 60 tekens.', en: 'Fill in a name of at most 60 characters.' },
    'label_en.invalid': { nl: 'Vul een naam in van hoogstens 60 tekens.', en: 'Fill in a name of at most 60 characters.' },
    'reason.required': { nl: 'Schrijf op waarom je deze organisatie afwijst.', en: 'Write down why you reject this organisation.' },
    'email.no_account': {
      nl: 'Niemand heeft een Meedoen-account met dit e-mailadres. Vraag de persoon eerst een account te maken.',
      en: 'Nobody has a Meedoen account with this email address. Ask the person to make an account first.',
    },
    'district_ids.district_retired': { nl: 'Een van de gekozen wijken is opgeheven. Haal dat vinkje weg.', en: 'One of the chosen districts has been retired. Untick it.' },
  },
  // The monitor: a worker asks outside their districts, or a link asks for something the server cannot read.
  monitor: {
    district_not_assigned: {
      nl: 'Je kunt alleen de cijfers van je eigen wijken zien. Dit gebied hoort daar niet bij.',
      en: 'You can only see the figures of your own districts. This area is not one of them.',
    },
    role_required: { nl: 'De cijfers zijn alleen voor de gemeente en voor wijkwerkers.', en: 'The figures are only for the municipality and for neighbourhood workers.' },
    'indicator.required': { nl: 'Kies een cijfer uit de lijst.', en: 'Choose a figure from the list.' },
    'indicator.invalid': { nl: 'Dit cijfer kennen we niet. Kies een cijfer uit de lijst.', en: 'We do not know this figure. Choose a figure from the list.' },
    'area.required': { nl: 'Kies een gebied of wijk.', en: 'Choose an area or district.' },
    'area.unknown_reference': { nl: 'Dit gebied bestaat niet (meer). Kies een ander gebied.', en: 'This area does not exist (any more). Choose another area.' },
    'period.invalid': { nl: 'Deze periode klopt niet. Kies een maand of een kwartaal.', en: 'This period is not right. Choose a month or a quarter.' },
    'period.out_of_range': {
      nl: 'Kies een periode die al begonnen is. Een periode is hoogstens 24 maanden lang.',
      en: 'Choose a period that has already begun. A period is at most 24 months long.',
    },
  },
}

const FALLBACK: Text = {
  nl: 'Er ging iets mis. Probeer het nog een keer.',
  en: 'Something went wrong. Please try again.',
}

export interface ErrorTextOptions {
  /** The pages asking: their own wording (SCOPED_ERROR_TEXTS) wins. */
  scope?: ErrorScope | undefined
  /** The API field the code is on, for a scope's `field.code` text. */
  field?: string | undefined
  /** Values for the `{{name}}` placeholders; a placeholder without a value stays as it is. */
  vars?: Readonly<Record<string, string>> | undefined
}

function lookup(texts: Readonly<Record<string, Text>>, key: string | undefined): Text | undefined {
  return key && Object.hasOwn(texts, key) ? texts[key] : undefined
}

/** The text for an API error code in the given language; a general message for codes we do not know. */
export function translateError(code: string | undefined, lang: string, { scope, field, vars }: ErrorTextOptions = {}): string {
  const l: Lang = lang.startsWith('en') ? 'en' : 'nl'
  const scoped = scope ? SCOPED_ERROR_TEXTS[scope] : {}
  const text =
    (field && code ? lookup(scoped, `${field}.${code}`) : undefined) ?? lookup(scoped, code) ?? lookup(ERROR_TEXTS, code) ?? FALLBACK
  return text[l].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (vars && Object.hasOwn(vars, name) ? (vars[name] ?? whole) : whole))
}
