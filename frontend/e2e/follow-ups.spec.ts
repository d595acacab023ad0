// Follow-ups: a fresh resident who shares their profile with neighbourhood workers and lives in a district of the
// demo worker says yes to two of the worker's suggestions. At one activity the organisation records them present at
// a meeting that started an hour ago: that one has started. At the other they have not been yet: its start is due
// (from saying yes until three weeks after), so it is on the worker's follow-ups page. There the worker (reaching it
// from the start page) adds a note and closes it as stopped with a reason; the page speaks English too, and passes
// axe at 320 and 1280 px without sideways scrolling. The resident sees both timelines on "Voorstellen", and how the
// worker closed one. Everything is made here with unique names (Date.now()) and undone after each test: the offers
// are closed, and the resident stops sharing the profile, so the worker's lists in other specs stay as they were.
import type { APIRequestContext, Page } from '@playwright/test'
import {
  apiLogin,
  DEMO_WORKER,
  expect,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  saveScreenshot,
  settled,
  signIn,
  test,
  WIDTHS,
} from './fixtures'
import { createOffer, DAY_MS, registerResident, type Account, type Auth, type Session, type TestOffer } from './world'

interface DistrictNode {
  id: string
  name: string
  kind: string
  retired: boolean
  children: DistrictNode[]
}

interface Suggestion extends TestOffer {
  referralId: string
  signupId: string
}

interface World {
  stamp: number
  resident: Account
  worker: Auth
  /** Said yes, not been yet: on the follow-ups page. */
  waiting: Suggestion
  /** Said yes and was present at a meeting that started an hour ago. */
  started: Suggestion
  /** The day of that meeting as the page writes it: "5 januari 2027". */
  startedOn: string
}

/** What each test made, undone after it (in order). */
const undo: (() => Promise<void>)[] = []
test.afterEach(async () => {
  for (const step of undo.splice(0)) await step()
})

/** 09:00–10:30 UTC on the day `days` from today. */
function session(days: number): Session {
  const start = new Date(Date.now() + days * DAY_MS)
  start.setUTCHours(9, 0, 0, 0)
  return { starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 90 * 60 * 1000).toISOString() }
}

/** A meeting of 90 minutes that started an hour ago (on the minute): its register is open. */
function startedAnHourAgo(): Session {
  const start = new Date(Math.floor((Date.now() - 60 * 60 * 1000) / 60_000) * 60_000)
  return { starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 90 * 60 * 1000).toISOString() }
}

/** The UTC date `days` from today, `YYYY-MM-DD`. */
function day(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)
}

/** A day as the Dutch pages write it, in Dutch local time: "5 januari 2027". */
function dutchDay(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso))
}

/** A district (no area) in the demo worker's districts, not retired; not Emmerhout, where the resident specs look. */
async function workerDistrict(request: APIRequestContext, worker: Auth): Promise<string> {
  const mine = (await (await request.get('/api/v1/worker/districts', { headers: worker })).json()) as { items: { id: string }[] }
  const tree = (await (await request.get('/api/v1/districts')).json()) as { items: DistrictNode[] }
  const find = (nodes: DistrictNode[], id: string): DistrictNode | undefined =>
    nodes.map((n) => (n.id === id ? n : find(n.children, id))).find((n) => n !== undefined)
  const below = (node: DistrictNode): DistrictNode[] => [node, ...node.children.flatMap(below)]
  const districts = mine.items
    .map((d) => find(tree.items, d.id))
    .flatMap((node) => (node ? below(node) : []))
    .filter((n) => n.kind === 'district' && !n.retired)
  const district = districts.find((n) => n.name !== 'Emmerhout') ?? districts[0]
  expect(district, `${DEMO_WORKER.email} has a district`).toBeTruthy()
  return district?.id ?? ''
}

/** The worker suggests `offer` to the resident, who says yes; both through the API. */
async function suggestAndAccept(request: APIRequestContext, worker: Auth, resident: Auth, residentId: string, offer: TestOffer): Promise<Suggestion> {
  const proposed = await request.post('/api/v1/referrals', {
    headers: worker,
    data: { resident_id: residentId, offer_id: offer.offerId, note: 'Dit lijkt me iets voor jou.' },
  })
  expect(proposed.status(), await proposed.text()).toBe(201)
  const referralId = ((await proposed.json()) as { id: string }).id
  const accepted = await request.post(`/api/v1/referrals/${referralId}/accept`, { headers: resident, data: {} })
  expect(accepted.status(), await accepted.text()).toBe(201)
  const signup = (await accepted.json()) as { id: string; status: string }
  expect(signup.status).toBe('accepted')
  return { ...offer, referralId, signupId: signup.id }
}

/**
 * Two fresh offers of Sportvereniging Emmerhout with dated meetings, a fresh resident who shares their profile and
 * lives in a district of the demo worker, the worker's two suggestions accepted, and the resident present at the
 * meeting of one of them that started an hour ago; all through the API.
 */
async function makeWorld(request: APIRequestContext): Promise<World> {
  const stamp = Date.now()
  const worker = { Authorization: `Bearer ${await apiLogin(request, DEMO_WORKER)}` }
  const meeting = startedAnHourAgo()
  // Two days ago is before the resident said yes: that meeting does not count as a start.
  const waitingOffer = await createOffer(request, `E2E navragen ${stamp}`, {
    kind: 'course',
    description: 'Samen koken en eten. Gemaakt door de end-to-end-test.',
    sessions: [session(-2), session(5), session(12)],
  })
  undo.push(waitingOffer.close)
  const startedOffer = await createOffer(request, `E2E begonnen ${stamp}`, {
    kind: 'day_activity',
    description: 'Samen wandelen. Gemaakt door de end-to-end-test.',
    sessions: [meeting, session(7)],
  })
  undo.push(startedOffer.close)

  const resident = await registerResident(request, stamp, 'navragen', 'Navraag Bewoner')
  const residentAuth = { Authorization: `Bearer ${await apiLogin(request, resident)}` }
  const districtId = await workerDistrict(request, worker)
  const shared = await request.put('/api/v1/me/profile', { headers: residentAuth, data: { district_id: districtId, share_with_workers: true } })
  expect(shared.ok(), await shared.text()).toBeTruthy()
  undo.push(async () => {
    const again = { Authorization: `Bearer ${await apiLogin(request, resident)}` }
    const stopped = await request.put('/api/v1/me/profile', { headers: again, data: { district_id: districtId, share_with_workers: false } })
    expect(stopped.ok(), await stopped.text()).toBeTruthy()
  })
  const residentId = ((await (await request.get('/api/v1/me', { headers: residentAuth })).json()) as { id: string }).id

  const waiting = await suggestAndAccept(request, worker, residentAuth, residentId, waitingOffer)
  const started = await suggestAndAccept(request, worker, residentAuth, residentId, startedOffer)

  // The organisation records the resident present at the meeting that started an hour ago.
  const listed = await request.get(`/api/v1/offers/${started.offerId}/occurrences?from=${day(-2)}&to=${day(9)}`)
  expect(listed.ok(), await listed.text()).toBeTruthy()
  const occurrence = ((await listed.json()) as { items: { id: string; starts_at: string }[] }).items.find(
    (o) => Date.parse(o.starts_at) === Date.parse(meeting.starts_at),
  )
  expect(occurrence, 'the meeting that started an hour ago').toBeTruthy()
  const recorded = await request.put(`/api/v1/occurrences/${encodeURIComponent(occurrence?.id ?? '')}/attendance`, {
    headers: started.organiser,
    data: { items: [{ signup_id: started.signupId, status: 'present' }] },
  })
  expect(recorded.ok(), await recorded.text()).toBeTruthy()

  return { stamp, resident, worker, waiting, started, startedOn: dutchDay(meeting.starts_at) }
}

/** The card on the page whose activity is `title`. */
function cardOf(page: Page, title: string) {
  return page.locator('main li.meedoen-card').filter({ has: page.getByRole('link', { name: title, exact: true }) })
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

test('the worker follows up a resident who has not started: a note, then closed as stopped with a reason', async ({ page }) => {
  test.setTimeout(90_000)
  const world = await makeWorld(page.request)
  const name = world.resident.name
  const title = world.waiting.title

  // From the start page to the follow-ups.
  await signIn(page, DEMO_WORKER.email, DEMO_WORKER.password, '/worker')
  await page.getByRole('main').getByRole('link', { name: 'Navragen', exact: true }).click()
  await expect(page).toHaveURL(/\/worker\/follow-ups$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Navragen' })).toBeVisible()
  await settled(page)

  // The suggestion not started yet is there, with what needs attention and its timeline; the started one is not.
  const card = cardOf(page, title)
  await expect(card.getByRole('heading', { level: 2, name })).toBeVisible()
  await expect(card.locator('.meedoen-follow-up__attention')).toHaveText(/^Nog niet begonnen\. Dat kan nog tot en met \d{1,2} \S+ \d{4}\.$/)
  await expect(card.getByRole('list', { name: 'Voortgang' }).getByRole('listitem')).toHaveCount(1)
  await expect(card.getByRole('list', { name: 'Voortgang' })).toContainText('Begin: Nog niet begonnen. Dat kan tot en met')
  await expect(card).toContainText('Nog geen notities.')
  await expect(cardOf(page, world.started.title)).toHaveCount(0)

  // A note: added at the end of the notes, the field emptied, the message focused; still there after a reload.
  const note = `Gebeld. De tijden passen niet goed. (${world.stamp})`
  const field = card.getByLabel(`Nieuwe notitie over ${name}`)
  await field.fill(note)
  await card.getByRole('button', { name: `Notitie opslaan over ${name}` }).click()
  await expect(card.locator('.meedoen-follow-up__status').filter({ hasText: 'Je notitie is opgeslagen.' })).toBeFocused()
  await expect(card.locator('.meedoen-follow-up__note')).toHaveCount(1)
  await expect(card.locator('.meedoen-follow-up__note')).toContainText(note)
  await expect(field).toHaveValue('')
  await page.reload()
  await settled(page)
  await expect(card.locator('.meedoen-follow-up__note')).toContainText(note)

  // In English.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible()
  await expect(card.locator('.meedoen-follow-up__attention')).toHaveText(/^Not started yet\. That is possible until \d{1,2} \S+ \d{4}\.$/)
  await expect(card.getByRole('button', { name: `Close: ${name}, ${title}` })).toBeVisible()
  await expect(page.locator('main')).not.toContainText('followUps.')
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Navragen' })).toBeVisible()

  // Stopped asks why, from a short list; without a reason the error summary says so.
  const close = card.getByRole('button', { name: `Afsluiten: ${name}, ${title}` })
  await card.getByRole('radio', { name: 'Gestopt' }).check()
  const why = card.getByRole('group', { name: `Waarom is ${name} gestopt?` })
  await expect(why.getByRole('radio')).toHaveCount(7)
  await close.click()
  const summary = card.getByRole('alert').filter({ hasText: 'Niet alles is goed ingevuld' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: `Waarom is ${name} gestopt?: Kies waarom de bewoner is gestopt.` })).toBeVisible()
  await checkAtBothWidths(page, 'follow-ups')

  // Closed: the card leaves the list, the message takes the focus.
  await why.getByRole('radio', { name: 'Tijden' }).check()
  await close.click()
  const done = page.locator('main .meedoen-follow-up__status').filter({ hasText: `Je hebt het voorstel aan ${name} (${title}) afgesloten.` })
  await expect(done).toBeFocused()
  await expect(card).toHaveCount(0)
  await checkAtBothWidths(page, 'follow-ups-closed')

  // Closed on the server: not back after a reload; "Mijn voorstellen" shows how it ended, and the other one's start.
  await page.reload()
  await settled(page)
  await expect(cardOf(page, title)).toHaveCount(0)
  await page.goto('/worker/referrals')
  await settled(page)
  await expect(cardOf(page, title)).toContainText('Afgesloten: gestopt. Reden: tijden.')
  await expect(cardOf(page, world.started.title).getByRole('list', { name: 'Voortgang' })).toContainText(`Begin: Begonnen op ${world.startedOn}.`)
})

test('the resident sees on "Voorstellen" how each accepted suggestion goes, and how the worker closed one', async ({ page }) => {
  test.setTimeout(60_000)
  const world = await makeWorld(page.request)

  await signIn(page, world.resident.email, world.resident.password, '/my-referrals')
  await settled(page)
  const begun = cardOf(page, world.started.title).getByRole('list', { name: 'Hoe gaat het?' }).getByRole('listitem')
  await expect(begun).toHaveCount(3)
  await expect(begun.nth(0)).toContainText(`Begin: Je bent begonnen op ${world.startedOn}.`)
  await expect(begun.nth(1)).toContainText('Na 4 weken: Dat is rond')
  await expect(begun.nth(2)).toContainText('Na 12 weken: Dat is rond')
  const waiting = cardOf(page, world.waiting.title)
  await expect(waiting.getByRole('list', { name: 'Hoe gaat het?' })).toContainText('Begin: Je bent nog niet begonnen. Probeer uiterlijk')
  await expectNoAxeViolations(page)

  // The worker closes the one not started as stopped (through the API); the resident sees how it ended.
  const closed = await page.request.post(`/api/v1/referrals/${world.waiting.referralId}/close`, {
    headers: world.worker,
    data: { outcome: 'stopped', reason: 'found_work' },
  })
  expect(closed.ok(), await closed.text()).toBeTruthy()
  await page.reload()
  await settled(page)
  await expect(waiting.locator('.meedoen-timeline__outcome')).toHaveText('Je wijkwerker heeft dit afgesloten: je bent gestopt. Reden: werk gevonden.')
  await expect(waiting.getByRole('list', { name: 'Hoe gaat het?' })).toHaveCount(0)
  await expect(begun).toHaveCount(3)
  await expectNoAxeViolations(page)
  await expectNoHorizontalScroll(page)
})
