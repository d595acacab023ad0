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
import { DAY_MS, worldMaker, type World as BaseWorld } from './world'

interface World extends BaseWorld {
  /** The occurrence ids of the three sessions: two days ago, in three days, in ten days. */
  past: string
  soon: string
  later: string
}

/** A fresh offer of Sportvereniging Emmerhout and a fresh resident with an accepted place on it; see makeWorld. */
const makeOfferWorld = worldMaker({
  title: 'E2E presentie',
  resident: { label: 'presentie', name: 'Presentie Bewoner' },
  offer: {
    kind: 'course',
    description: 'Drie lessen samen bewegen. Gemaakt door de end-to-end-test.',
    capacity: 5,
    auto_accept: true,
    language_buddy: false,
    companion_allowed: true,
    weekly_slots: [],
  },
  signUp: 'accepted',
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
 * and a fresh, verified resident with an accepted place on it, all through the API; the offer is closed after each
 * test.
 */
async function makeWorld(request: APIRequestContext): Promise<World> {
  const world = await makeOfferWorld(request, { offer: { sessions: [session(-2), session(3), session(10)] } })
  const listed = await request.get(`/api/v1/offers/${world.offerId}/occurrences?from=${day(-4)}&to=${day(14)}`)
  expect(listed.ok(), await listed.text()).toBeTruthy()
  const ids = ((await listed.json()) as { items: { id: string; starts_at: string }[] }).items
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
    .map((o) => o.id)
  expect(ids).toHaveLength(3)
  const [past = '', soon = '', later = ''] = ids
  return { ...world, past, soon, later }
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
