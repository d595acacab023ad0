// Every API error `code` (top-level and field codes inside `errors`) that the pages of this slice can get,
// in plain Dutch (B1) and English. Unknown codes fall back to a general message.

export type Lang = 'nl' | 'en'

interface Text {
  nl: string
  en: string
}

export const ERROR_TEXTS: Readonly<Record<string, Text>> = {
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
  signup_unchanged: { nl: 'Dit was al zo.', en: 'This was already the case.' },
  signup_transition_invalid: { nl: 'Dit kan niet meer bij deze aanmelding.', en: 'This is no longer possible for this sign-up.' },
  signup_changed: { nl: 'Je aanmelding is net veranderd. Laad de pagina opnieuw.', en: 'Your sign-up just changed. Please reload the page.' },
  payload_too_large: { nl: 'Je tekst is te lang.', en: 'Your text is too long.' },
  unsupported_media_type: { nl: 'Er ging iets mis met het versturen. Probeer het nog een keer.', en: 'Something went wrong while sending. Please try again.' },
  rate_limited: { nl: 'Je hebt het te vaak geprobeerd. Wacht even en probeer het dan opnieuw.', en: 'You tried too often. Wait a moment and try again.' },
  internal_error: { nl: 'Er ging bij ons iets mis. Probeer het later nog een keer.', en: 'Something went wrong on our side. Please try again later.' },
  service_unavailable: { nl: 'Meedoen is even druk. Probeer het over een paar seconden opnieuw.', en: 'Meedoen is busy. Please try again in a few seconds.' },
  network_error: { nl: 'Er is geen verbinding. Controleer je internet en probeer het opnieuw.', en: 'There is no connection. Check your internet and try again.' },
  referral_answered: { nl: 'Je hebt dit voorstel al beantwoord.', en: 'You have already answered this suggestion.' },
  // field codes
  not_a_district: { nl: 'Kies een wijk of dorp, geen groter gebied.', en: 'Choose a district or village, not a larger area.' },
  district_retired: { nl: 'Deze wijk bestaat niet meer. Kies een andere wijk.', en: 'This district no longer exists. Choose another one.' },
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
  unknown_field: { nl: 'Er ging iets mis met het versturen. Probeer het nog een keer.', en: 'Something went wrong while sending. Please try again.' },
  unknown_reference: { nl: 'Dit bestaat niet (meer). Kies iets anders.', en: 'This does not exist (any more). Choose something else.' },
  out_of_range: { nl: 'Dit getal is te groot of te klein.', en: 'This number is too big or too small.' },
  companion_not_allowed: { nl: 'Bij deze activiteit kan er niemand mee.', en: 'Nobody can come along to this activity.' },
}

const FALLBACK: Text = {
  nl: 'Er ging iets mis. Probeer het nog een keer.',
  en: 'Something went wrong. Please try again.',
}

/** The text for an API error code in the given language; a general message for codes we do not know. */
export function translateError(code: string | undefined, lang: string): string {
  const l: Lang = lang.startsWith('en') ? 'en' : 'nl'
  const text = (code && Object.hasOwn(ERROR_TEXTS, code) ? ERROR_TEXTS[code] : undefined) ?? FALLBACK
  return text[l]
}
