// The organisation journeys: my organisations, registering one, members, offers from draft to closed, and the
// sign-ups of an offer with accept, decline and the waitlist. Data made here has unique names (Date.now()), so a
// retry or another spec never meets it.
import type { Page } from '@playwright/test'
import {
  DEMO_ORGANISER,
  DEMO_RESIDENT,
  expect,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  saveScreenshot,
  settled,
  signIn,
  test,
} from './fixtures'
import { openDemoOrganisation } from './pages-organisation'

const COACH = 'Vrijwillige coach voor de ochtendgroep'
const SHOP = 'Gastvrouw of gastheer in het boerderijwinkeltje'

async function apiToken(page: Page, account: { email: string; password: string }): Promise<string> {
  const res = await page.request.post('/api/v1/auth/login', { data: account })
  expect(res.ok(), `login ${account.email}: ${res.status()}`).toBeTruthy()
  return ((await res.json()) as { access_token: string }).access_token
}

/** Jan signs up for an offer through the API (the resident's own pages are another spec's business). */
async function residentSignsUp(page: Page, offerId: string, message: string): Promise<void> {
  const token = await apiToken(page, DEMO_RESIDENT)
  const res = await page.request.post(`/api/v1/offers/${offerId}/signups`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { message },
  })
  expect(res.status(), await res.text()).toBe(201)
}

function section(page: Page, heading: RegExp) {
  return page.locator('main section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) })
}

test('an organiser makes an offer: field errors, draft, publish, public, edit, sign-ups, close', async ({ page }) => {
  const title = `E2E ochtendhulp ${Date.now()}`
  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, '/organisation')
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn organisatie' })).toBeVisible()
  await settled(page)
  for (const name of ['Sportvereniging Emmerhout', 'Stadsboerderij De Esch']) {
    const card = page.locator('main .meedoen-card').filter({ has: page.getByRole('link', { name }) })
    await expect(card).toContainText('Goedgekeurd')
  }
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Sportvereniging Emmerhout' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sportvereniging Emmerhout' })).toBeVisible()
  await expect(page.locator('main .meedoen-card').filter({ hasText: COACH })).toContainText('Gepubliceerd')
  await settled(page)
  await expectNoAxeViolations(page)

  // The form: no title, no description and a slot that ends before it starts (all found before sending).
  await page.getByRole('link', { name: 'Nieuwe activiteit maken' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' })).toBeVisible()
  await settled(page)
  await page.getByLabel('Soort activiteit').selectOption({ label: 'Vrijwilligerswerk' })
  await page.getByLabel('Wijk of dorp').selectOption({ label: 'Emmerhout (Emmen Noord)' })
  await page.getByLabel('Aantal plekken').fill('1')
  await page.getByRole('button', { name: 'Tijd toevoegen' }).click()
  const slot = page.getByRole('group', { name: 'Tijd 1' })
  await slot.getByLabel('Dag').selectOption({ label: 'dinsdag' })
  await slot.getByLabel('Van').fill('10:00')
  await slot.getByLabel('Tot').fill('09:00')
  await page.getByRole('button', { name: 'Opslaan als concept' }).click()
  await expect(page.locator('#offer-title-error')).toHaveText('Vul dit in.')
  await expect(page.getByLabel('Titel', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#offer-description-error')).toHaveText('Vul dit in.')
  await expect(slot).toContainText('Deze tijd klopt niet.')
  // Everything the form can check itself is listed at once in the error summary, which takes the focus.
  const summary = page.getByRole('alert', { name: 'Niet alles is goed ingevuld' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: 'Titel: Vul dit in.' })).toBeVisible()
  await expect(summary.getByRole('link', { name: /^Tijd 1: Deze tijd klopt niet\./ })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByLabel('Titel', { exact: true }).fill(title)
  await page.getByLabel('Beschrijving', { exact: true }).fill('Help de coach op dinsdagochtend met de groep.')
  await slot.getByLabel('Tot').fill('12:00')
  await expect(page.getByRole('radio', { name: 'Wij bekijken elke aanmelding' })).toBeChecked()
  await page.getByRole('group', { name: 'Toegankelijkheid' }).getByRole('checkbox', { name: 'Toegankelijk met rolstoel' }).check()
  await page.getByRole('button', { name: 'Opslaan als concept' }).click()
  await expect(page).toHaveURL(/\/organisation\/offers\/[^/]+\/edit$/)
  const offerId = page.url().split('/').at(-2) ?? ''
  await expect(page.getByRole('status').filter({ hasText: 'De activiteit is opgeslagen als concept.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
  await expect(page.locator('.meedoen-org-state')).toContainText('Concept')

  // Publish, after saying yes.
  await page.getByRole('button', { name: `${title} publiceren` }).click()
  await expect(page.getByText('Na publiceren kan iedereen de activiteit zien en zich aanmelden.')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Ja, publiceren' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${title} is gepubliceerd.` })).toBeVisible()
  await expect(page.locator('.meedoen-org-state')).toContainText('Gepubliceerd')

  // Everyone sees it now.
  await page.goto('/offers?q=' + encodeURIComponent(title))
  await expect(page.getByRole('link', { name: title })).toBeVisible()

  // Edit: two places instead of one; the weekly time is still there.
  await page.goto(`/organisation/offers/${offerId}/edit`)
  await settled(page)
  await expect(page.getByRole('group', { name: 'Tijd 1' }).getByLabel('Van')).toHaveValue('10:00')
  await page.getByLabel('Aantal plekken').fill('2')
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' })).toBeVisible()
  await page.reload()
  await settled(page)
  await expect(page.getByLabel('Aantal plekken')).toHaveValue('2')

  // Jan signs up; the organisation declines, Jan tries again, the organisation accepts.
  await residentSignsUp(page, offerId, 'Ik help graag op dinsdag.')
  await page.getByRole('link', { name: 'Aanmeldingen bekijken' }).click()
  await expect(page).toHaveURL(new RegExp(`/organisation/offers/${offerId}/signups$`))
  await settled(page)
  const pending = section(page, /^Nieuwe aanmeldingen/)
  await expect(pending.locator('.meedoen-card').filter({ hasText: 'Jan Bewoner' })).toContainText('Ik help graag op dinsdag.')
  await expect(page.getByText('2 van 2 plekken vrij')).toBeVisible()
  await expectNoAxeViolations(page)
  // Declining asks why first (optional); the reason goes to Jan by email.
  await page.getByRole('button', { name: 'Aanmelding van Jan Bewoner afwijzen' }).click()
  const decline = page.getByRole('group', { name: 'Wil je de aanmelding van Jan Bewoner afwijzen?' })
  await decline.getByLabel('Waarom niet? (de bewoner krijgt dit te lezen)').fill('Op dinsdag hebben we al genoeg hulp.')
  await expectNoAxeViolations(page)
  await decline.getByRole('button', { name: 'Afwijzen', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De aanmelding van Jan Bewoner is afgewezen. We sturen een e-mail met je reden.' })).toBeVisible()
  await expect(section(page, /^Afgewezen of afgemeld/)).toContainText('Jan Bewoner')
  await expect(pending).toContainText('Er zijn geen nieuwe aanmeldingen.')

  await residentSignsUp(page, offerId, 'Mag ik het toch proberen?')
  await page.reload()
  await settled(page)
  await page.getByRole('button', { name: 'Aanmelding van Jan Bewoner accepteren' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Jan Bewoner is aangenomen.' })).toBeVisible()
  await expect(section(page, /^Aangenomen/)).toContainText('Jan Bewoner')
  await expect(page.getByText('1 van 2 plekken vrij')).toBeVisible()
  await expectNoAxeViolations(page)

  // Close it, after saying yes.
  await page.goto(`/organisation/offers/${offerId}/edit`)
  await settled(page)
  await page.getByRole('button', { name: `${title} sluiten` }).click()
  await page.getByRole('button', { name: 'Ja, sluiten' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${title} is gesloten.` })).toBeVisible()
  await expect(page.locator('.meedoen-org-state')).toContainText('Gesloten')
  await expect(page.getByRole('button', { name: `${title} weer openen` })).toBeVisible()
})

test('the sign-ups of the coach offer: accept one pending sign-up and decline another', async ({ page }) => {
  await openDemoOrganisation(page)
  await page.getByRole('link', { name: `Aanmeldingen bekijken voor ${COACH}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(COACH)
  await settled(page)
  await expect(page.getByText('Bij deze activiteit bekijken jullie elke aanmelding.')).toBeVisible()
  await expectNoAxeViolations(page)

  const pending = section(page, /^Nieuwe aanmeldingen/)
  const names = await pending.locator('.meedoen-card h3').allTextContents()
  // The demo has two (Sanne and Ahmad); a retry or an earlier run may have answered them already.
  if (names.length === 0) {
    await expect(pending).toContainText('Er zijn geen nieuwe aanmeldingen.')
    return
  }
  const [first, second] = names
  await page.getByRole('button', { name: `Aanmelding van ${first} accepteren` }).click()
  await expect(page.getByRole('status').filter({ hasText: `${first} is aangenomen.` })).toBeVisible()
  await expect(section(page, /^Aangenomen/)).toContainText(first ?? '')
  if (second) {
    // Without a reason: the field may stay empty.
    await page.getByRole('button', { name: `Aanmelding van ${second} afwijzen` }).click()
    await page.getByRole('group', { name: `Wil je de aanmelding van ${second} afwijzen?` }).getByRole('button', { name: 'Afwijzen', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: `De aanmelding van ${second} is afgewezen.` })).toBeVisible()
    await expect(section(page, /^Afgewezen of afgemeld/)).toContainText(second)
  }
  await expectNoAxeViolations(page)
})

test('the waitlist of the full shop offer is shown in order', async ({ page }) => {
  await openDemoOrganisation(page, 'Stadsboerderij De Esch')
  await page.getByRole('link', { name: `Aanmeldingen bekijken voor ${SHOP}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SHOP)
  await settled(page)
  const waitlist = section(page, /^Wachtlijst/)
  const first = waitlist.locator('ol > li').first()
  await expect(first).toContainText('Nummer 1 op de wachtlijst')
  await expect(waitlist).toContainText('Sanne de Vries')
  await expect(page.getByText('0 van 2 plekken vrij')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a resident registers an organisation and sees it pending', async ({ page }) => {
  const name = `E2E Buurtkeuken ${Date.now()}`
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/organisation')
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn organisatie' })).toBeVisible()
  await settled(page)
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Organisatie aanmelden' }) })

  // No name: the error is next to the field.
  await form.getByLabel('Soort organisatie').selectOption({ label: 'Vereniging of stichting' })
  await form.getByRole('button', { name: 'Organisatie aanmelden' }).click()
  await expect(page.locator('#org-name-error')).toHaveText('Vul dit in.')
  await expect(form.getByLabel('Naam van de organisatie')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  // No district.
  await form.getByLabel('Naam van de organisatie').fill(name)
  await form.getByRole('button', { name: 'Organisatie aanmelden' }).click()
  await expect(page.locator('#org-districts-error')).toHaveText('Kies minstens één wijk.')

  await form.getByRole('checkbox', { name: 'Emmerhout', exact: true }).check()
  await form.getByLabel('Over de organisatie').fill('Samen koken en eten in de buurt.')
  await form.getByRole('button', { name: 'Organisatie aanmelden' }).click()
  await expect(page.getByRole('status').filter({ hasText: `We hebben ${name} ontvangen.` })).toContainText('Je krijgt een e-mail')
  const card = page.locator('main .meedoen-card').filter({ has: page.getByRole('link', { name }) })
  await expect(card).toContainText('Wordt gecontroleerd')
  await expect(card).toContainText('Je krijgt een e-mail als dat klaar is.')
  await expectNoAxeViolations(page)

  await card.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await settled(page)
  await expect(page.getByText('Publiceren kan pas als de gemeente je organisatie heeft goedgekeurd.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Nieuwe activiteit maken' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('an owner adds a member by email and removes them; the last owner cannot leave', async ({ page }) => {
  const name = `E2E Buurtclub ${Date.now()}`
  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, '/organisation')
  await settled(page)
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Organisatie aanmelden' }) })
  await form.getByLabel('Naam van de organisatie').fill(name)
  await form.getByLabel('Soort organisatie').selectOption({ label: 'Sportclub' })
  await form.getByRole('checkbox', { name: 'Heel Emmen Noord' }).check()
  await form.getByRole('button', { name: 'Organisatie aanmelden' }).click()
  await expect(page.getByRole('status').filter({ hasText: `We hebben ${name} ontvangen.` })).toBeVisible()
  await page.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await settled(page)
  const members = section(page, /^Leden$/)
  await expect(members).toContainText('Kees van de club (jij)')

  // Nobody has this address.
  await members.getByLabel('E-mailadres').fill(`niemand-${Date.now()}@demo.meedoen.nl`)
  await members.getByRole('button', { name: 'Lid toevoegen' }).click()
  await expect(page.locator('#member-email-error')).toHaveText('Niemand heeft een Meedoen-account met dit e-mailadres.')
  await expectNoAxeViolations(page)

  await members.getByLabel('E-mailadres').fill(DEMO_RESIDENT.email)
  await members.getByRole('radio', { name: 'Lid', exact: true }).check()
  await members.getByRole('button', { name: 'Lid toevoegen' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${DEMO_RESIDENT.email} is toegevoegd.` })).toBeVisible()
  await expect(members.locator('li').filter({ hasText: 'Jan Bewoner' })).toContainText('Lid')

  await members.getByRole('button', { name: 'Jan Bewoner weghalen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Jan Bewoner hoort niet meer bij de organisatie.' })).toBeVisible()
  await expect(members.locator('li').filter({ hasText: 'Jan Bewoner' })).toHaveCount(0)

  // The only owner cannot leave: the server says no, and the page says why.
  await members.getByRole('button', { name: 'Uit de organisatie gaan' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Een organisatie heeft altijd minstens één beheerder.' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('in English: the organisation page and the offer form', async ({ page }) => {
  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, '/organisation')
  await settled(page)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My organisation' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Register an organisation' })).toBeVisible()
  await expect(page.locator('main')).toContainText('Approved')

  await page.getByRole('link', { name: 'Sportvereniging Emmerhout' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Activities' })).toBeVisible()
  await expect(page.getByRole('link', { name: `See sign-ups for ${COACH}` })).toBeVisible()
  await settled(page)
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Make a new activity' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New activity' })).toBeVisible()
  await settled(page)
  await expect(page.getByRole('radio', { name: 'Everyone can join straight away' })).toBeVisible()
  await page.getByRole('button', { name: 'Save as draft' }).click()
  await expect(page.locator('#offer-kind-error')).toHaveText('Fill this in.')
  await expect(page.locator('#offer-capacity-error')).toHaveText('Fill this in.')
  await expect(page.locator('main')).not.toContainText('organisation.')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' })).toBeVisible()
})

test('a resident who is no member sees no controls of a club', async ({ page }) => {
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password)
  const orgs = (await (await page.request.get('/api/v1/organisations?limit=100')).json()) as { items: { id: string; name: string }[] }
  const club = orgs.items.find((o) => o.name === 'Sportvereniging Emmerhout')
  expect(club).toBeTruthy()
  await page.goto(`/organisation/${club?.id ?? ''}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Sportvereniging Emmerhout' })).toBeVisible()
  await settled(page)
  await expect(page.getByText('Je hoort niet bij deze organisatie.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Gegevens wijzigen' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Nieuwe activiteit maken' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Leden' })).toHaveCount(0)
  await expectNoAxeViolations(page)

  const offers = (await (await page.request.get('/api/v1/offers?q=' + encodeURIComponent(COACH))).json()) as { items: { id: string; title: string }[] }
  const coach = offers.items.find((o) => o.title === COACH)
  expect(coach).toBeTruthy()
  await page.goto(`/organisation/offers/${coach?.id ?? ''}/signups`)
  await expect(page.getByText('Je hoort niet bij de organisatie van deze activiteit.')).toBeVisible()
  await expect(page.getByRole('button', { name: /accepteren$/ })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 720 } })

  test('the organisation pages do not scroll sideways', async ({ page }) => {
    await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, '/organisation')
    await settled(page)
    await expectNoHorizontalScroll(page)
    await saveScreenshot(page, 'organisation-list')

    await page.getByRole('link', { name: 'Sportvereniging Emmerhout' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Leden' })).toBeVisible()
    await settled(page)
    await expectNoHorizontalScroll(page)
    await saveScreenshot(page, 'organisation-detail')

    await page.getByRole('link', { name: 'Nieuwe activiteit maken' }).click()
    await settled(page)
    await page.getByRole('button', { name: 'Tijd toevoegen' }).click()
    await page.getByRole('button', { name: 'Opslaan als concept' }).click()
    await expect(page.locator('#offer-kind-error')).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
    await saveScreenshot(page, 'organisation-offer-form')

    await page.goBack()
    await settled(page)
    await page.getByRole('link', { name: `Aanmeldingen bekijken voor ${COACH}` }).click()
    await expect(page.getByRole('heading', { level: 2, name: /^Wachtlijst/ })).toBeVisible()
    await settled(page)
    await expectNoHorizontalScroll(page)
    await saveScreenshot(page, 'organisation-signups')
  })
})
