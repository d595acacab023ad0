// Attendance: an organisation member fills in the register of a meeting that has started (from the offer's
// attendance page, linked from its sign-ups), the resident sees it on "Mijn deelname"; a resident says "Ik kan niet
// komen" for a coming meeting on "Mijn activiteiten" and the organisation sees it on that meeting's register, which
// explains it cannot be filled in before the start; the new pages pass axe at 320 and 1280 px.
//
// A freshly made offer's weekly meetings all lie ahead, and an extra meeting cannot be added in the past. An offer's
// dated sessions may be in the past, though, so each world's offer meets on three dated sessions: two days ago
// (started, its register open for two weeks), in three days and in ten days. The data is made here with unique
// names (Date.now()): a fresh resident with an accepted place and a fresh offer of Sportvereniging Emmerhout.
import type { APIRequestContext, Browser, Page } from '@playwright/test'
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
import { extractLink, waitForMail } from './mail'

const ORGANISATION = 'Sportvereniging Emmerhout'
const PASSWORD = 'vier losse woorden samen'
const DAY_MS = 24 * 60 * 60 * 1000

interface World {
  stamp: number
  offerId: string
  title: string
  resident: { email: string; password: string; name: string }
  /** The occurrence ids of the three sessions: two days ago, in three days, in ten days. */
  past: string
  soon: string
  later: string
  /** Closes the offer, so it leaves the public lists other specs count. */
  close: () => Promise<void>
}

/** The worlds this file made; each test's offer is closed after it (see makeWorld). */
const made: World[] = []
test.afterEach(async () => {
  for (const world of made.splice(0)) await world.close()
})

/** 09:00–10:30 UTC (10:00 or 11:00 in Emmen) on the day `days` from today. */
function session(days: number): { starts_at: string; ends_at: string } {
  const start = new Date(Date.now() + days * DAY_MS)
  start.setUTCHours(9, 0, 0, 0)
  return { starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 90 * 60 * 1000).toISOString() }
}

/** The UTC date `days` from today, `YYYY-MM-DD`. */
function day(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)
}

/**
 * A fresh offer of Sportvereniging Emmerhout (published, takes sign-ups on its own) meeting on three dated sessions,
 * and a fresh, verified resident with an accepted place on it, all through the API.
 */
async function makeWorld(request: APIRequestContext): Promise<World> {
  const stamp = Date.now()
  const title = `E2E presentie ${stamp}`
  const organiser = { Authorization: `Bearer ${await apiLogin(request, DEMO_ORGANISER)}` }
  const me = (await (await request.get('/api/v1/me', { headers: organiser })).json()) as { organisations: { id: string; name: string }[] }
  const organisationId = me.organisations.find((o) => o.name === ORGANISATION)?.id
  expect(organisationId, `${DEMO_ORGANISER.email} belongs to ${ORGANISATION}`).toBeTruthy()
  // A district the organisation serves, from one of its published offers; not Emmerhout, whose offers offers.spec counts.
  const published = (await (await request.get(`/api/v1/offers?organisation=${organisationId}`)).json()) as {
    items: { district_id: string; district_name: string }[]
  }
  const districtId = published.items.find((o) => o.district_name !== 'Emmerhout')?.district_id
  expect(districtId, `${ORGANISATION} has a published offer outside Emmerhout`).toBeTruthy()

  const created = await request.post('/api/v1/offers', {
    headers: organiser,
    data: {
      organisation_id: organisationId,
      district_id: districtId,
      kind: 'course',
      title,
      description: 'Drie lessen samen bewegen. Gemaakt door de end-to-end-test.',
      address: 'Sportpark Emmerhout, Houtweg 2, Emmen',
      latitude: null,
      longitude: null,
      start_date: null,
      end_date: null,
      capacity: 5,
      auto_accept: true,
      guidance: 'light',
      dutch_level: 'A2',
      language_buddy: false,
      min_age: null,
      companion_allowed: true,
      route: 'open',
      programme: null,
      weekly_slots: [],
      sessions: [session(-2), session(3), session(10)],
      skills: [],
      interests: [],
      goals: [],
      access: [],
      languages: [],
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const offerId = ((await created.json()) as { id: string }).id
  const publish = await request.post(`/api/v1/offers/${offerId}/publish`, { headers: organiser })
  expect(publish.ok(), await publish.text()).toBeTruthy()

  const listed = await request.get(`/api/v1/offers/${offerId}/occurrences?from=${day(-4)}&to=${day(14)}`)
  expect(listed.ok(), await listed.text()).toBeTruthy()
  const ids = ((await listed.json()) as { items: { id: string; starts_at: string }[] }).items
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
    .map((o) => o.id)
  expect(ids).toHaveLength(3)
  const [past = '', soon = '', later = ''] = ids

  const resident = { email: `e2e-presentie-${stamp}@example.org`, password: PASSWORD, name: `Presentie Bewoner ${stamp}` }
  const reg = await request.post('/api/v1/auth/register', {
    data: { email: resident.email, password: resident.password, display_name: resident.name, locale: 'nl' },
  })
  expect(reg.ok(), await reg.text()).toBeTruthy()
  const token = new URL(extractLink(await waitForMail(resident.email), '/verify-email'), 'http://x').searchParams.get('token')
  const verified = await request.post('/api/v1/auth/verify-email', { data: { token } })
  expect(verified.ok(), await verified.text()).toBeTruthy()

  const signup = await request.post(`/api/v1/offers/${offerId}/signups`, {
    headers: { Authorization: `Bearer ${await apiLogin(request, resident)}` },
    data: {},
  })
  expect(signup.status(), await signup.text()).toBe(201)
  expect(((await signup.json()) as { status: string }).status).toBe('accepted')
  const close = async () => {
    const closed = await request.post(`/api/v1/offers/${offerId}/close`, { headers: organiser })
    expect(closed.ok(), await closed.text()).toBeTruthy()
  }
  const world = { stamp, offerId, title, resident, past, soon, later, close }
  made.push(world)
  return world
}

/** The register page of an occurrence. */
function registerPath(occurrenceId: string): string {
  return `/organisation/occurrences/${encodeURIComponent(occurrenceId)}/attendance`
}

/** Runs `act` with a page of its own, signed in as the demo organiser at `next`. */
async function asOrganiser(browser: Browser, baseURL: string | undefined, next: string, act: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, next)
    await act(page)
  } finally {
    await context.close()
  }
}

test('an organisation fills in the register of a meeting that started, and the resident sees it on "Mijn deelname"', async ({ page }) => {
  const world = await makeWorld(page.request)
  const name = world.resident.name

  // From the offer's sign-ups to its attendance: the next meeting first, then the one that started.
  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, `/organisation/offers/${world.offerId}/signups`)
  await page.getByRole('link', { name: 'Presentie en cijfers' }).click()
  await expect(page).toHaveURL(new RegExp(`/organisation/offers/${world.offerId}/attendance$`))
  await expect(page.getByRole('heading', { level: 1, name: `Presentie: ${world.title}` })).toBeVisible()
  await settled(page)
  const recent = page.getByRole('region', { name: 'De laatste 8 weken' })
  await expect(recent.getByRole('listitem').first()).toContainText('Volgende keer')
  await expect(page.getByRole('table', { name: /^Van / })).toBeVisible()
  await recent.locator(`a[href="${registerPath(world.past)}"]`).click()

  // The register: everyone present, saved in one go; the status message takes the focus.
  await expect(page).toHaveURL(new RegExp(`${registerPath(world.past)}$`))
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Presentie: ${world.title}`) })).toBeVisible()
  await settled(page)
  await expect(page.getByRole('heading', { level: 2, name: 'De deelnemer (1)' })).toBeVisible()
  const present = page.getByRole('button', { name: `Aanwezig: ${name}` })
  await expect(present).toHaveAttribute('aria-pressed', 'false')
  await page.getByRole('button', { name: 'Iedereen aanwezig' }).click()
  await expect(present).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByText('1 persoon staat nu op aanwezig. Vergeet niet op te slaan.')).toBeVisible()
  await page.getByRole('button', { name: 'Opslaan' }).click()
  const saved = page.locator('.utrecht-alert').filter({ hasText: 'De presentie is opgeslagen.' })
  await expect(saved).toBeFocused()
  await expect(saved).toContainText('1 aanwezig, 0 afwezig, 0 afgemeld, 0 nog niet ingevuld.')

  // Saved on the server: still there after a reload, and counted on the offer's attendance page.
  await page.reload()
  await settled(page)
  await expect(page.getByRole('button', { name: `Aanwezig: ${name}` })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('link', { name: 'Alle keren en cijfers van deze activiteit' }).click()
  await settled(page)
  await expect(page.getByRole('region', { name: 'De laatste 8 weken' })).toContainText('1 van de 1 aanwezig')

  // The resident's participation.
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await signIn(page, world.resident.email, world.resident.password, '/my-activities')
  await page.getByRole('link', { name: 'Bekijk hoe vaak je er was' }).click()
  await expect(page).toHaveURL(/\/my-participation$/)
  await settled(page)
  await expect(page.getByRole('radio', { name: 'De laatste 3 maanden' })).toBeChecked()
  await expect(page.getByRole('table', { name: 'Per activiteit' })).toContainText(world.title)
  await expect(page.getByRole('region', { name: 'Alle keren' }).getByRole('listitem').filter({ hasText: world.title }).first()).toContainText('Je was er (1,5 uur)')
})

test('a resident says "Ik kan niet komen" for the next meeting, and the organisation sees it on its register', async ({ page, browser, baseURL }) => {
  const world = await makeWorld(page.request)

  await signIn(page, world.resident.email, world.resident.password, '/my-activities')
  const card = page.locator('main li.meedoen-card').filter({ has: page.getByRole('heading', { level: 2, name: world.title }) })
  const next = card.getByRole('region', { name: 'De komende keren' })
  await expect(next.getByRole('listitem')).toHaveCount(2)
  const opener = next.getByRole('button', { name: new RegExp(`^Ik kan niet komen: ${world.title}, `) }).first()
  await opener.click()
  const question = next.getByText(/^Kun je op .* niet komen\? Dan laten we het de organisatie weten\.$/)
  await expect(question).toBeFocused()
  await next.getByRole('button', { name: 'Ja, ik kan niet komen' }).click()
  const done = next.locator('.utrecht-alert').filter({ hasText: /^Je hebt je afgemeld voor / })
  await expect(done).toBeFocused()

  // Still so after a reload: the first meeting says it is reported, the second can still be reported.
  await page.reload()
  await settled(page)
  await expect(next.getByRole('listitem').first()).toContainText('Je hebt je afgemeld voor deze keer.')
  await expect(next.getByRole('button', { name: new RegExp(`^Ik kan niet komen: ${world.title}, `) })).toHaveCount(1)

  // The organisation sees it on the register, which cannot be filled in before the start.
  await asOrganiser(browser, baseURL, registerPath(world.soon), async (organiser) => {
    await settled(organiser)
    await expect(organiser.getByText('Deze keer is nog niet begonnen. Vanaf het begin kun je hier invullen wie er was.')).toBeVisible()
    const row = organiser.getByRole('listitem').filter({ hasText: world.resident.name })
    await expect(row).toContainText('Heeft zich afgemeld.')
    await expect(organiser.getByRole('button', { name: 'Opslaan' })).toHaveCount(0)
  })
})

for (const width of WIDTHS) {
  test.describe(`the attendance pages at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 720 : 800 } })

    test('the register, the offer’s attendance, my participation and the next meetings have no axe violations and no sideways scrolling', async ({
      page,
    }) => {
      const world = await makeWorld(page.request)

      await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, registerPath(world.past))
      await expect(page.getByRole('button', { name: 'Opslaan' })).toBeVisible()
      // Other hours open, so the field is checked too.
      await page.getByRole('button', { name: 'Iedereen aanwezig' }).click()
      await page.getByRole('button', { name: `Andere uren voor ${world.resident.name}` }).click()
      await expect(page.getByLabel(`Uren van ${world.resident.name}`)).toBeVisible()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'attendance-register')
      await page.getByRole('button', { name: 'Opslaan' }).click()
      await expect(page.locator('.utrecht-alert').filter({ hasText: 'De presentie is opgeslagen.' })).toBeFocused()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)

      await page.goto(registerPath(world.later))
      await settled(page)
      await expect(page.getByText('Deze keer is nog niet begonnen.', { exact: false })).toBeVisible()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'attendance-register-not-started')

      await page.goto(`/organisation/offers/${world.offerId}/attendance`)
      await settled(page)
      await expect(page.getByRole('table', { name: /^Van / })).toBeVisible()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'attendance-offer')

      await page.getByRole('button', { name: 'Uitloggen' }).click()
      await signIn(page, world.resident.email, world.resident.password, '/my-activities')
      await expect(page.getByRole('region', { name: 'De komende keren' }).first()).toBeVisible()
      await page.getByRole('button', { name: new RegExp(`^Ik kan niet komen: ${world.title}, `) }).first().click()
      await expect(page.getByRole('button', { name: 'Ja, ik kan niet komen' })).toBeVisible()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'attendance-next-meetings')

      await page.goto('/my-participation')
      await settled(page)
      await expect(page.getByRole('table', { name: 'Per maand' })).toBeVisible()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'my-participation')
    })
  })
}
