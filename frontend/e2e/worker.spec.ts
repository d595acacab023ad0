// The neighbourhood worker's journeys against the real server and the demo world: districts, consenting
// residents, a resident's profile with ranked offers, a referral with a note (and what the resident sees),
// batch assignment, the outcome of my referrals, English, axe, 320 px and what others may not see.
// Every test is safe to run twice on the shared database (a retry meets what the first try left).
import type { Page } from '@playwright/test'
import {
  DEMO_RESIDENT,
  DEMO_WORKER,
  expect,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  saveScreenshot,
  settled,
  signIn,
  test,
} from './fixtures'
import { openJansProfile } from './pages-worker'

/** The residents the demo seed adds (consenting, in Emmen Noord). */
const SEEDED_RESIDENTS = ['Sanne de Vries', 'Ahmad Karimi', 'Ria Jansen']

/** Chooses the option whose text (without the tree's indentation) is `name`, once the options have loaded. */
async function chooseDistrict(page: Page, label: string, name: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true })
  const valueOf = () =>
    select
      .locator('option')
      .evaluateAll(
        (options, wanted) => (options as HTMLOptionElement[]).find((o) => o.text.replace(/\u00a0/g, ' ').trim() === wanted)?.value ?? '',
        name,
      )
  await expect.poll(valueOf, { message: `no option ${name}` }).not.toBe('')
  await select.selectOption(await valueOf())
}

async function signInAsWorker(page: Page, path = '/worker'): Promise<void> {
  await signIn(page, DEMO_WORKER.email, DEMO_WORKER.password, path)
  await settled(page)
}

test('a worker sees the districts and finds only residents who consented', async ({ page }) => {
  await signInAsWorker(page)
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
  await expect(nav.getByRole('link', { name: 'Wijkwerk' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 1, name: 'Wijkwerk' })).toBeVisible()
  await expect(page.getByText('Je ziet alleen bewoners die ja hebben gezegd.')).toBeVisible()
  await expect(page.getByText('Elke keer dat je een profiel bekijkt, ziet de bewoner dat bij “Wie keek er mee”.')).toBeVisible()
  const district = page.locator('main .meedoen-card').filter({ hasText: 'Emmen Noord' })
  await expect(district).toBeVisible()
  await expect(district).toContainText('Emmerhout')
  await expect(district).toContainText('Angelslo')
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Bewoners zoeken' }).click()
  await expect(page).toHaveURL(/\/worker\/residents$/)
  await expect(page.getByRole('link', { name: 'Jan Bewoner' })).toBeVisible()
  await settled(page)
  await expect(page.locator('main .meedoen-card').filter({ hasText: 'Jan Bewoner' })).toContainText('Woont in Emmerhout')
  // The demo seed adds three more consenting residents.
  for (const name of SEEDED_RESIDENTS) await expect(page.getByRole('link', { name })).toBeVisible()
  // Piet Smit lives in Emmerhout but did not consent: never in the list.
  await expect(page.getByText('Piet Smit')).toHaveCount(0)
  await expectNoAxeViolations(page)

  // Searching for Piet by name finds nobody.
  await page.getByLabel('Naam').fill('Piet')
  await page.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page).toHaveURL(/q=Piet/)
  await expect(page.getByText('Niemand gevonden')).toBeVisible()
  await expect(page.locator('main .meedoen-card')).toHaveCount(0)
  await expectNoAxeViolations(page)

  // A district of mine narrows the list: Angelslo has Ahmad, not Jan.
  await page.getByLabel('Naam').fill('')
  await chooseDistrict(page, 'Wijk', 'Angelslo')
  await page.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page).toHaveURL(/district=/)
  await expect(page.getByRole('link', { name: 'Ahmad Karimi' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Jan Bewoner' })).toHaveCount(0)

  // Part of a name is enough.
  await chooseDistrict(page, 'Wijk', 'Emmen Noord')
  await page.getByLabel('Naam').fill('sanne')
  await page.getByRole('button', { name: 'Zoeken' }).click()
  await expect(page.getByRole('link', { name: 'Sanne de Vries' })).toBeVisible()
  await expect(page.locator('main .meedoen-card')).toHaveCount(1)
})

test('a worker refers Jan to an offer with a note; Jan sees the proposal and who looked', async ({ page }) => {
  const offer = 'Zorgen voor de dieren'
  const note = `Jan, dit lijkt me iets voor jou. (${Date.now()})`
  await signInAsWorker(page, '/worker/residents')
  await openJansProfile(page)

  // The profile in words.
  await expect(page.getByText('Jan Bewoner ziet bij “Wie keek er mee” dat jij dit profiel en deze activiteiten hebt bekeken.')).toBeVisible()
  const facts = page.locator('main .meedoen-worker__facts')
  await expect(facts).toContainText('Woont in')
  await expect(facts).toContainText('Emmerhout')
  await expect(facts).toContainText('Heeft tijd')
  await expect(facts).toContainText(/(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag): /)
  await expect(facts).toContainText('Nederlands')
  await expect(page.locator('main')).not.toContainText('worker.')
  await expect(page.locator('main')).not.toContainText('{{')

  // Ranked offers with reasons in sentences and the fit in words.
  const first = page.locator('main .meedoen-worker__ranked .meedoen-card').first()
  await expect(first.getByRole('heading', { level: 4, name: 'Waarom dit past' })).toBeVisible()
  await expect(first.locator('.meedoen-reasons li').first()).toBeVisible()
  await expect(first).toContainText(/Past (heel goed|goed|een beetje) \(\d+%\)/)
  await expect(page.locator('main .meedoen-reasons li').filter({ hasText: /^(Het past bij wat je leuk vindt|Het helpt bij wat je wilt|Het is in je eigen wijk|Het past in je vrije tijd)/ }).first()).toBeVisible()

  // Refer with a note. A retry meets the referral the first try made: the offer then says it waits for Jan.
  const card = page.locator('main .meedoen-worker__ranked .meedoen-card').filter({ has: page.getByRole('heading', { name: offer }) })
  const proposeButton = card.getByRole('button', { name: `Voorstellen aan Jan Bewoner: ${offer}` })
  const waiting = card.getByText('Voorgesteld. Jan Bewoner heeft nog niet geantwoord.')
  await expect(proposeButton.or(waiting)).toBeVisible()
  const madeNow = await proposeButton.isVisible()
  if (madeNow) {
    await proposeButton.click()
    await expect(proposeButton).toHaveAttribute('aria-expanded', 'true')
    const noteField = card.getByLabel('Notitie voor Jan Bewoner (mag leeg blijven)')
    await expect(noteField).toBeFocused()
    await noteField.fill(note)
    await expectNoAxeViolations(page)
    await card.getByRole('button', { name: `Voorstel versturen aan Jan Bewoner: ${offer}` }).click()
    await expect(card.getByRole('status').filter({ hasText: 'Je voorstel is verstuurd.' })).toBeVisible()
    await expectNoAxeViolations(page)
  }

  // After a reload the offer says it was proposed and waits for Jan: no second proposal to make.
  await page.reload()
  await expect(page.locator('main .meedoen-worker__ranked .meedoen-card').first()).toBeVisible()
  await settled(page)
  await expect(card).toContainText('Voorgesteld. Jan Bewoner heeft nog niet geantwoord.')
  await expect(card.getByRole('button', { name: `Voorstellen aan Jan Bewoner: ${offer}` })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // My referrals show it, with my note when it was made now.
  await page.goto('/worker/referrals')
  await settled(page)
  const mine = page.locator('main .meedoen-card').filter({ hasText: offer }).filter({ hasText: 'Voor Jan Bewoner' }).first()
  await expect(mine).toBeVisible()
  await expect(mine).toContainText('Voorgesteld op')
  await expect(mine).toContainText(/Nog geen antwoord|Ja gezegd|Nee gezegd/)
  if (madeNow) await expect(page.locator('main .meedoen-card').filter({ hasText: note })).toContainText('Nog geen antwoord')
  // The demo referral (Meewerken in de moestuin) is there too, with its note.
  await expect(page.locator('main .meedoen-card').filter({ hasText: 'Meewerken in de moestuin' }).filter({ hasText: 'Voor Jan Bewoner' }).first()).toBeVisible()
  await expectNoAxeViolations(page)

  // Jan sees the proposal and the look.
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/my-referrals')
  await settled(page)
  const proposal = page.locator('main .meedoen-card').filter({ has: page.getByRole('heading', { name: offer }) }).first()
  await expect(proposal).toBeVisible()
  await expect(proposal).toContainText('Voorstel van Fatma (wijkwerker)')
  if (madeNow) await expect(page.locator('main .meedoen-card').filter({ hasText: note })).toBeVisible()
  await page.goto('/access-log')
  await settled(page)
  const look = page.locator('main .meedoen-card').filter({ hasText: 'Fatma (wijkwerker)' })
  await expect(look.filter({ hasText: 'je profiel' }).first()).toBeVisible()
  await expect(look.filter({ hasText: 'activiteiten die bij je passen' }).first()).toBeVisible()
})

test('batch assignment for Emmen Noord: proposals, untick one, send, see the count', async ({ page }) => {
  await signInAsWorker(page, '/worker/assignments')
  await expect(page.getByRole('heading', { level: 1, name: 'Voorstellen voor een wijk' })).toBeVisible()
  await chooseDistrict(page, 'Wijk of gebied', 'Emmen Noord')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Voorstellen maken' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Voorstellen' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Voorstellen' })).toBeFocused()

  const boxes = page.getByRole('group', { name: 'Welke voorstellen wil je versturen?' }).getByRole('checkbox')
  const count = await boxes.count()
  if (count === 0) {
    // Every fitting offer was proposed already (many runs on one database): the page says so.
    await expect(page.getByText('Voor deze bewoners vonden we nu geen passende activiteit.')).toBeVisible()
    await expectNoAxeViolations(page)
    return
  }
  // Every proposal starts checked, with the fit and the reasons in words.
  for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toBeChecked()
  const firstCard = page.getByRole('group', { name: 'Welke voorstellen wil je versturen?' }).locator('.meedoen-card').first()
  await expect(firstCard).toContainText(/Past (heel goed|goed|een beetje) \(\d+%\)/)
  await expect(firstCard.locator('.meedoen-reasons li').first()).toBeVisible()
  await expect(page.getByText(count === 1 ? '1 voorstel gekozen.' : `${count} voorstellen gekozen.`)).toBeVisible()
  await expectNoAxeViolations(page)

  // Nothing chosen: a clear message, nothing sent.
  if (count === 1) {
    await boxes.first().uncheck()
    await page.getByRole('button', { name: 'Geselecteerde voorstellen versturen' }).click()
    await expect(page.getByRole('alert')).toContainText('Kies minstens één voorstel.')
    await expectNoAxeViolations(page)
    await boxes.first().check()
  }

  // Untick one (Jan's, when there is more than one: the resident specs use Jan's suggestions).
  let expected = count
  if (count > 1) {
    const jan = page.getByRole('checkbox', { name: /^Jan Bewoner: / })
    await ((await jan.count()) > 0 ? jan.first() : boxes.first()).uncheck()
    expected = count - 1
    await expect(page.getByText(expected === 1 ? '1 voorstel gekozen.' : `${expected} voorstellen gekozen.`)).toBeVisible()
  }
  await page.getByLabel('Notitie voor alle bewoners (mag leeg blijven)').fill(`Groeten van Fatma (${Date.now()})`)
  await page.getByRole('button', { name: 'Geselecteerde voorstellen versturen' }).click()
  const done = page.getByRole('status').filter({ hasText: 'Gelukt.' })
  await expect(done).toContainText(expected === 1 ? 'Er is 1 voorstel verstuurd.' : `Er zijn ${expected} voorstellen verstuurd.`)
  await expectNoAxeViolations(page)
  await done.getByRole('link', { name: 'Bekijk mijn voorstellen' }).click()
  await expect(page).toHaveURL(/\/worker\/referrals$/)
  await settled(page)
  await expect(page.locator('main .meedoen-card').first()).toBeVisible()
})

test('English: the resident page and the batch page', async ({ page }) => {
  await signInAsWorker(page, '/worker/residents')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Residents' })).toBeVisible()
  await page.getByRole('link', { name: 'Jan Bewoner' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jan Bewoner' })).toBeVisible()
  await expect(page.locator('main .meedoen-worker__ranked .meedoen-card').first()).toBeVisible()
  await settled(page)
  await expect(page.getByRole('heading', { level: 2, name: 'About Jan Bewoner' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Activities that fit' })).toBeVisible()
  await expect(page.getByText('Jan Bewoner sees in “Who looked” that you looked at this profile and these activities.')).toBeVisible()
  await expect(page.locator('main .meedoen-worker__facts')).toContainText(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday): /)
  await expect(page.locator('main .meedoen-reasons li').filter({ hasText: /^(It fits what you like|It helps with what you want|It is in your own district|It fits your free time)/ }).first()).toBeVisible()
  await expect(page.locator('main .meedoen-worker__ranked .meedoen-card').first()).toContainText(/Fits (very well|well|a little) \(\d+%\)/)
  await expect(page.getByRole('button', { name: /^Suggest to Jan Bewoner: / }).first()).toBeVisible()
  await expect(page.locator('main')).not.toContainText('worker.')
  await expectNoAxeViolations(page)

  await page.goto('/worker/assignments')
  await expect(page.getByRole('heading', { level: 1, name: 'Suggestions for a district' })).toBeVisible()
  await settled(page)
  await chooseDistrict(page, 'District or area', 'Emmen Noord')
  await page.getByRole('button', { name: 'Make suggestions' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Suggestions' })).toBeVisible()
  await expect(
    page.getByRole('button', { name: 'Send the chosen suggestions' }).or(page.getByText('We found no fitting activity for these residents right now.')),
  ).toBeVisible()
  await expect(page.locator('main')).not.toContainText('worker.')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Voorstellen voor een wijk' })).toBeVisible()
})

test('a resident opening the worker pages gets a friendly explanation', async ({ page }) => {
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/worker')
  await expect(page.getByRole('heading', { level: 1, name: 'Wijkwerk' })).toBeVisible()
  await expect(page.getByText('Deze pagina is voor wijkwerkers. Je account is geen wijkwerker-account.')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wijkwerk' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await page.goto('/worker/residents')
  await expect(page.getByText('Deze pagina is voor wijkwerkers. Je account is geen wijkwerker-account.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Jan Bewoner' })).toHaveCount(0)
})

test('signed out, the worker pages ask to sign in first', async ({ page }) => {
  await page.goto('/worker/assignments')
  await expect(page.getByRole('heading', { level: 1, name: 'Voorstellen voor een wijk' })).toBeVisible()
  await expect(page.getByText('Log in om de pagina’s voor wijkwerkers te gebruiken.')).toBeVisible()
  await page.getByRole('main').getByRole('link', { name: 'Inloggen' }).click()
  await expect(page).toHaveURL(/\/login\?next=%2Fworker%2Fassignments$/)
})

test('a worker opening a resident outside the districts or without consent gets a clear message', async ({ page }) => {
  await signInAsWorker(page)
  // A worker cannot learn Piet's id (no consent); any id the server does not show is answered the same way.
  await page.goto('/worker/residents/0192f0d4-3c1e-7a8b-9c2d-4e5f60718293')
  await expect(page.getByRole('heading', { level: 1, name: 'Bewoner' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('We kunnen deze bewoner niet vinden.')
  await expect(page.getByRole('heading', { name: 'Activiteiten die passen' })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 720 } })

  // The main pages themselves are in MAIN_PAGES (a11y.spec and responsive.spec); these are their states.
  test('the referral form and the batch proposals fit', async ({ page }) => {
    await signInAsWorker(page, '/worker/residents')
    await openJansProfile(page)
    await page.getByRole('button', { name: /^Voorstellen aan Jan Bewoner: / }).first().click()
    await expect(page.getByLabel('Notitie voor Jan Bewoner (mag leeg blijven)')).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
    await saveScreenshot(page, 'worker-refer-form')

    await page.goto('/worker/assignments')
    await settled(page)
    await page.getByRole('button', { name: 'Voorstellen maken' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Voorstellen' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
    await saveScreenshot(page, 'worker-batch-proposals')
  })
})
