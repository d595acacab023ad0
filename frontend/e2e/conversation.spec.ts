// Conversations: an organisation member and a resident with an accepted place write to each other, each told by
// email with a link straight into the conversation; the organisation writes to all participants at once; the
// conversation page, the public organisation page and the offer page pass axe at 320 and 1280 px. The data is
// made here with unique names (Date.now()): a fresh resident and a fresh offer of Sportvereniging Emmerhout, so a
// retry or another spec never meets it.
import type { Page } from '@playwright/test'
import { DEMO_ORGANISER, expect, expectNoAxeViolations, expectNoHorizontalScroll, saveScreenshot, settled, signIn, test, WIDTHS } from './fixtures'
import { waitForMailWith } from './mail'
import { ORGANISATION, worldMaker } from './world'

/** The path of the first conversation link in a mail (`/conversations/signup/…` or `/conversations/referral/…`). */
function conversationLink(mail: string): string {
  const match = /https?:\/\/[^\s"'<>]+(\/conversations\/(?:signup|referral)\/[0-9a-f-]+)/.exec(mail)
  if (!match?.[1]) throw new Error(`No conversation link in the mail:\n${mail}`)
  return match[1]
}

/**
 * A fresh offer of Sportvereniging Emmerhout (published, takes sign-ups on its own, meets every Tuesday) and a fresh,
 * verified resident with an accepted place on it, all through the API; the offer is closed after each test.
 */
const makeWorld = worldMaker({
  title: 'E2E gesprek',
  resident: { label: 'gesprek', name: 'Gesprek Bewoner' },
  offer: {
    kind: 'day_activity',
    description: 'Samen bewegen en daarna koffie. Gemaakt door de end-to-end-test.',
    capacity: 5,
    auto_accept: true,
    language_buddy: true,
    companion_allowed: true,
    weekly_slots: [{ weekday: 2, start: '10:00', end: '11:30' }],
    sessions: [],
  },
  signUp: 'accepted',
})

/** Writes a message in the conversation open on `page` and waits until it is in the list, with the focus on it. */
async function write(page: Page, text: string): Promise<void> {
  await page.getByLabel('Je bericht').fill(text)
  await page.getByRole('button', { name: 'Versturen', exact: true }).click()
  const mine = page.locator('main ol.meedoen-messages > li').filter({ hasText: text })
  await expect(mine).toBeVisible()
  await expect(mine).toContainText('Jij')
  await expect(mine).toBeFocused()
  await expect(page.getByLabel('Je bericht')).toHaveValue('')
}

test('an organisation and a resident with a place write to each other, told by email with a link to answer', async ({ page, browser, baseURL }) => {
  const world = await makeWorld(page.request)
  const question = `Moet ik sportschoenen meenemen? (${world.stamp})`
  const answer = `Ja, en een flesje water. (${world.stamp})`

  // The resident starts from "Mijn activiteiten".
  await signIn(page, world.resident.email, world.resident.password, '/my-activities')
  await settled(page)
  await page.getByRole('link', { name: `Berichten over ${world.title}` }).click()
  await expect(page).toHaveURL(new RegExp(`/conversations/signup/${world.signupId}$`))
  await expect(page.getByRole('heading', { level: 1, name: `Berichten met ${ORGANISATION} over ${world.title}` })).toBeVisible()
  await settled(page)
  await expect(page.getByText('Er zijn nog geen berichten.', { exact: false })).toBeVisible()

  // The checks before sending: nothing written, then too long.
  await page.getByRole('button', { name: 'Versturen', exact: true }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Niet alles is goed ingevuld' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: 'Je bericht: Vul dit in.' })).toBeVisible()
  await page.getByLabel('Je bericht').fill('a'.repeat(2001))
  await expect(page.getByText('Je hebt 1 teken te veel.')).toBeVisible()
  await page.getByRole('button', { name: 'Versturen', exact: true }).click()
  await expect(summary.getByRole('link', { name: 'Je bericht: Dit is te lang. Maak het korter.' })).toBeVisible()

  await write(page, question)
  await expect(page.getByText(`Je bericht is verstuurd. ${ORGANISATION} krijgt een e-mail.`)).toBeVisible()

  // The organiser gets an email with a link straight into the conversation, and answers there.
  const link = conversationLink(await waitForMailWith(DEMO_ORGANISER.email, String(world.stamp)))
  expect(link).toBe(`/conversations/signup/${world.signupId}`)
  const organiserContext = await browser.newContext({ baseURL })
  try {
    const organiser = await organiserContext.newPage()
    await signIn(organiser, DEMO_ORGANISER.email, DEMO_ORGANISER.password, link)
    await expect(organiser).toHaveURL(new RegExp(`${link}$`))
    await expect(organiser.getByRole('heading', { level: 1, name: `Berichten met ${world.resident.name} over ${world.title}` })).toBeVisible()
    const received = organiser.locator('main ol.meedoen-messages > li').filter({ hasText: question })
    await expect(received).toContainText(`${world.resident.name} (bewoner)`)
    await write(organiser, answer)
    await expect(organiser.getByRole('link', { name: 'Terug naar de aanmeldingen' })).toHaveAttribute('href', `/organisation/offers/${world.offerId}/signups`)
  } finally {
    await organiserContext.close()
  }

  // The resident gets the answer by email and reads it in the conversation: oldest first, the answer marked as the
  // organisation's.
  const mail = await waitForMailWith(world.resident.email, 'flesje water')
  await page.goto(conversationLink(mail))
  await settled(page)
  const items = page.locator('main ol.meedoen-messages > li')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText('Jij')
  await expect(items.nth(0)).toContainText(question)
  await expect(items.nth(1)).toContainText('(organisatie)')
  await expect(items.nth(1)).toContainText(answer)
})

test('an organisation writes to all participants of an offer at once, and each gets it by email', async ({ page }) => {
  const world = await makeWorld(page.request)
  const text = `De zaal is dinsdag dicht. We gaan buiten wandelen. (${world.stamp})`

  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, `/organisation/offers/${world.offerId}/signups`)
  await settled(page)
  const accepted = page.locator('main section').filter({ has: page.getByRole('heading', { level: 2, name: /^Aangenomen/ }) })
  await expect(accepted.getByRole('link', { name: `Berichten met ${world.resident.name}` })).toHaveAttribute('href', `/conversations/signup/${world.signupId}`)

  const broadcast = page.getByRole('region', { name: 'Schrijf alle deelnemers' })
  await broadcast.getByLabel('Bericht aan alle deelnemers').fill(text)
  await expectNoAxeViolations(page)
  await broadcast.getByRole('button', { name: 'Stuur naar alle deelnemers' }).click()
  const result = broadcast.getByRole('status')
  await expect(result).toHaveText('Je bericht is naar 1 deelnemer gestuurd.')

  const mail = await waitForMailWith(world.resident.email, 'buiten wandelen')
  expect(conversationLink(mail)).toBe(`/conversations/signup/${world.signupId}`)
})

test('the conversation page speaks English', async ({ page }) => {
  const world = await makeWorld(page.request)
  await signIn(page, world.resident.email, world.resident.password, `/conversations/signup/${world.signupId}`)
  await settled(page)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: `Messages with ${ORGANISATION} about ${world.title}` })).toBeVisible()
  await expect(page.getByText('There are no messages yet.', { exact: false })).toBeVisible()

  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const summary = page.getByRole('alert').filter({ has: page.getByRole('link', { name: /^Your message: / }) })
  await expect(summary).toBeFocused()

  const text = `Do I need sports shoes? (${world.stamp})`
  await page.getByLabel('Your message').fill(text)
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const mine = page.locator('main ol.meedoen-messages > li').filter({ hasText: text })
  await expect(mine).toContainText('You')
  await expect(page.getByText(`Your message has been sent. ${ORGANISATION} gets an email.`)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to my activities' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
})

for (const width of WIDTHS) {
  test.describe(`the new pages at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 720 : 800 } })

    test('the offer page, the organisation’s public page and a conversation have no axe violations and no sideways scrolling', async ({ page }) => {
      const world = await makeWorld(page.request)

      // The offer page: when, where, who and what it asks, and the organisation with its contact details.
      await page.goto(`/offers/${world.offerId}`)
      await settled(page)
      await expect(page.getByRole('heading', { level: 1, name: world.title })).toBeVisible()
      await expect(page.getByText('Elke dinsdag van 10:00 tot 11:30 uur')).toBeVisible()
      await expect(page.getByText('De komende keren', { exact: true })).toBeVisible()
      await expect(page.locator('main .meedoen-occurrence').first()).toBeVisible()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'offer-detail-full')

      await page.getByRole('region', { name: 'Wie organiseert het?' }).getByRole('link', { name: ORGANISATION }).click()
      await expect(page).toHaveURL(/\/organisaties\/[0-9a-f-]+$/)
      await expect(page.getByRole('heading', { level: 1, name: ORGANISATION })).toBeVisible()
      await expect(page.locator('main .meedoen-card').first()).toBeVisible()
      await settled(page)
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'public-organisation')

      await signIn(page, world.resident.email, world.resident.password, `/conversations/signup/${world.signupId}`)
      await settled(page)
      await write(page, `Hallo! Ik heb er zin in. (${world.stamp})`)
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'conversation')
    })
  })
}
