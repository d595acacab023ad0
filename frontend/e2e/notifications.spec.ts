// Notifications: the settings page (reached from the menu, saved, still there after a reload; the sign-up alerts
// only for members of an organisation), the unsubscribe page opened with the token of a real email's
// List-Unsubscribe header (opening changes nothing, the button does; a damaged link is explained), and declining a
// sign-up with a reason that reaches the resident by email. axe and no sideways scrolling at 320 and 1280 px. The
// data is made here with unique names (Date.now()): fresh residents and a fresh offer of Sportvereniging Emmerhout
// (closed after each test), so a retry or another spec never meets it; the demo organiser's settings are only read.
import type { APIRequestContext, Page } from '@playwright/test'
import {
  apiLogin,
  DEMO_ORGANISER,
  expect,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  saveScreenshot,
  settled,
  signIn,
  test,
  WIDTHS,
} from './fixtures'
import { waitForMailWith } from './mail'
import { registerResident, worldMaker, type World } from './world'

const REASON_LABEL = 'Waarom niet? (de bewoner krijgt dit te lezen)'
const RESIDENT_NAME = 'Meldingen Bewoner'

/** A mail header's value, unfolded (a long header may go on over several lines). */
function header(mail: string, name: string): string | undefined {
  const [head = ''] = mail.split(/\r?\n\r?\n/, 1)
  const unfolded = head.replace(/\r?\n[ \t]+/g, '')
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded)?.[1]?.trim()
}

/**
 * A fresh offer of Sportvereniging Emmerhout where the organisation looks at every sign-up, and a fresh resident
 * whose sign-up on it waits for an answer, all through the API; the offer is closed after each test.
 */
const makeWorldFor = worldMaker({
  title: 'E2E meldingen',
  resident: { label: 'meldingen', name: RESIDENT_NAME },
  offer: {
    kind: 'volunteer_work',
    description: 'Helpen bij de koffie na de training. Gemaakt door de end-to-end-test.',
    capacity: 3,
    auto_accept: false,
    language_buddy: false,
    companion_allowed: false,
    weekly_slots: [{ weekday: 4, start: '19:00', end: '21:00' }],
    sessions: [],
  },
  signUp: 'pending',
})

/** A world whose resident's address has `label` in it (`e2e-<label>-<stamp>@example.org`). */
function makeWorld(request: APIRequestContext, label: string): Promise<World> {
  return makeWorldFor(request, { resident: { label, name: RESIDENT_NAME } })
}

/** axe and no sideways scrolling at phone and desktop width (a screenshot of each), then back to desktop width. */
async function checkAtBothWidths(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 720 : 800 })
    await expectNoAxeViolations(page)
    await expectNoHorizontalScroll(page)
    await saveScreenshot(page, name)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

test('a resident turns emails on and off from the menu; the choices survive a reload', async ({ page }) => {
  test.setTimeout(60_000)
  const resident = await registerResident(page.request, Date.now(), 'instellingen', RESIDENT_NAME)
  await signIn(page, resident.email, resident.password)
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click()
  await expect(page).toHaveURL(/\/settings\/notifications$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible()
  await settled(page)

  // The defaults; the sign-up alerts are for members of an organisation only.
  const reminders = page.getByRole('checkbox', { name: 'Herinnering de dag voor een activiteit' })
  const weekly = page.getByRole('checkbox', { name: 'Elke maandag nieuwe activiteiten die bij je passen' })
  const messages = page.getByRole('checkbox', { name: 'E-mail als iemand je een bericht stuurt' })
  await expect(reminders).toBeChecked()
  await expect(weekly).not.toBeChecked()
  await expect(messages).toBeChecked()
  await expect(page.getByRole('group', { name: 'E-mail bij een nieuwe aanmelding' })).toHaveCount(0)
  await checkAtBothWidths(page, 'notification-settings')

  await reminders.uncheck()
  await weekly.check()
  await page.getByRole('button', { name: 'Opslaan' }).click()
  const saved = page.getByRole('status').filter({ hasText: 'Je keuzes zijn opgeslagen.' })
  await expect(saved).toBeVisible()
  await expect(page.locator('main .utrecht-alert').filter({ hasText: 'Je keuzes zijn opgeslagen.' })).toBeFocused()
  await expectNoAxeViolations(page)

  await page.reload()
  await settled(page)
  await expect(reminders).not.toBeChecked()
  await expect(weekly).toBeChecked()
  await expect(messages).toBeChecked()

  // In English too.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Every Monday new activities that suit you' })).toBeChecked()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Nederlands' }).click()
})

test('a member of an organisation also chooses how to hear about new sign-ups', async ({ page }) => {
  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, '/settings/notifications')
  await settled(page)
  const alerts = page.getByRole('group', { name: 'E-mail bij een nieuwe aanmelding' })
  await expect(alerts.getByRole('radio')).toHaveCount(3)
  for (const name of ['Meteen', 'Eén keer per dag (om 8 uur)', 'Nooit']) await expect(alerts.getByRole('radio', { name })).toBeVisible()
  // One of them is chosen (which one is the demo organiser's own business: this test only reads).
  await expect(alerts.locator('input:checked')).toHaveCount(1)
  await checkAtBothWidths(page, 'notification-settings-member')
})

test('the unsubscribe link of a real email: opening says what stops, the button stops it', async ({ page }) => {
  test.setTimeout(60_000)
  const world = await makeWorld(page.request, 'afmelden')
  const text = `Welkom! Neem je donderdag een trui mee? (${world.stamp})`

  // The organisation writes to the resident, who gets an email with a List-Unsubscribe header.
  const sent = await page.request.post(`/api/v1/signups/${world.signupId}/messages`, { headers: world.organiser, data: { body: text } })
  expect(sent.status(), await sent.text()).toBe(201)
  // (Not the stamp: it is in the address of every mail to this resident.)
  const mail = await waitForMailWith(world.resident.email, 'trui mee')
  const listUnsubscribe = header(mail, 'List-Unsubscribe')
  expect(listUnsubscribe, 'the message email has a List-Unsubscribe header').toMatch(/^<https?:\/\/[^>]+>$/)
  expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
  const apiUrl = new URL(listUnsubscribe?.slice(1, -1) ?? '')
  const token = /^\/api\/v1\/unsubscribe\/([A-Za-z0-9_-]+)$/.exec(apiUrl.pathname)?.[1]
  expect(token, `an unsubscribe path in ${apiUrl.href}`).toBeTruthy()
  // The same link is in the text, for people who read the email.
  expect(mail).toContain(apiUrl.href)

  // A person opens the web app's page with that token, without signing in.
  await page.goto(`/unsubscribe/${token}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden voor e-mails' })).toBeVisible()
  await settled(page)
  await expect(page.getByText('Je meldt je af voor e-mails als iemand je een bericht stuurt.')).toBeVisible()
  await expect(page.getByText('Je krijgt dan geen e-mail meer als iemand je een bericht stuurt.', { exact: false })).toBeVisible()
  await checkAtBothWidths(page, 'unsubscribe')
  // Opening changed nothing.
  const before = (await (await page.request.get(`/api/v1/unsubscribe/${token}`)).json()) as { topic: string; unsubscribed: boolean }
  expect(before).toEqual({ topic: 'messages', unsubscribed: false })

  await page.getByRole('button', { name: 'Afmelden', exact: true }).click()
  const done = page.getByRole('status').filter({ hasText: 'Je bent afgemeld.' })
  await expect(done).toHaveText('Je bent afgemeld. Je krijgt geen e-mail meer als iemand je een bericht stuurt.')
  await expect(page.getByRole('link', { name: 'Naar je meldingen' })).toHaveAttribute('href', '/settings/notifications')
  await checkAtBothWidths(page, 'unsubscribe-done')

  // Off on the server: the resident's settings say so, and the page says so after a reload.
  const residentAuth = { Authorization: `Bearer ${await apiLogin(page.request, world.resident)}` }
  const settings = (await (await page.request.get('/api/v1/me/notifications', { headers: residentAuth })).json()) as { message_emails: boolean }
  expect(settings.message_emails).toBe(false)
  await page.reload()
  await settled(page)
  await expect(page.getByText('Je bent al afgemeld voor e-mails als iemand je een bericht stuurt.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toHaveCount(0)

  // A mail program's one-click unsubscribe (RFC 8058) at the header's URL: harmless when repeated.
  const oneClick = await page.request.post(apiUrl.href, { form: { 'List-Unsubscribe': 'One-Click' } })
  expect(oneClick.status(), await oneClick.text()).toBe(200)

  // A damaged link is explained, not a crash.
  await page.goto(`/unsubscribe/${token}x`)
  await expect(page.getByText('Deze afmeldlink werkt niet.', { exact: false })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('an organisation declines a sign-up with a reason, which the resident gets by email', async ({ page }) => {
  test.setTimeout(60_000)
  const world = await makeWorld(page.request, 'afwijzen')
  const reason = `De groep is deze keer al vol. Probeer het na de zomer nog eens. (${world.stamp})`

  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, `/organisation/offers/${world.offerId}/signups`)
  await settled(page)
  await page.getByRole('button', { name: `Aanmelding van ${world.resident.name} afwijzen` }).click()
  const form = page.getByRole('group', { name: `Wil je de aanmelding van ${world.resident.name} afwijzen?` })
  await expect(form).toBeFocused()
  const field = form.getByLabel(REASON_LABEL)
  await expect(field).toHaveAccessibleDescription('Dit mag leeg blijven. Gebruik hoogstens 1000 tekens.')

  // Too long is stopped before sending.
  await field.fill('a'.repeat(1001))
  await expect(field).toHaveAccessibleDescription(/Je hebt 1 teken te veel\./)
  await form.getByRole('button', { name: 'Afwijzen', exact: true }).click()
  const summary = form.getByRole('alert').filter({ hasText: 'Niet alles is goed ingevuld' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: `${REASON_LABEL}: Dit is te lang. Maak het korter.` })).toBeVisible()
  await checkAtBothWidths(page, 'decline-with-reason')

  await field.fill(reason)
  await form.getByRole('button', { name: 'Afwijzen', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: `De aanmelding van ${world.resident.name} is afgewezen. We sturen een e-mail met je reden.` })).toBeVisible()
  const past = page.locator('main section').filter({ has: page.getByRole('heading', { level: 2, name: /^Afgewezen of afgemeld/ }) })
  await expect(past).toContainText(world.resident.name)
  await expectNoAxeViolations(page)

  const mail = await waitForMailWith(world.resident.email, 'De organisatie schrijft')
  expect(mail).toContain(`De organisatie schrijft: ${reason}`)
})
