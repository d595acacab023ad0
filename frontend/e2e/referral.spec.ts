import type { APIRequestContext } from '@playwright/test'
import { apiLogin, DEMO_RESIDENT, DEMO_WORKER, expect, expectNoAxeViolations, settled, signIn, test } from './fixtures'

const SEEDED_OFFER = 'Meewerken in de moestuin'

/** The worker proposes Jan one more offer through the API; returns its title. */
async function proposeToJan(request: APIRequestContext): Promise<string> {
  const token = await apiLogin(request, DEMO_WORKER)
  const headers = { Authorization: `Bearer ${token}` }
  const residents = (await (await request.get('/api/v1/worker/residents?q=Jan', { headers })).json()) as { items: { id: string }[] }
  const jan = residents.items[0]!.id
  const recs = (await (await request.get(`/api/v1/worker/residents/${jan}/recommendations`, { headers })).json()) as {
    items: { offer: { id: string; title: string } }[]
  }
  // An earlier try may have proposed some of these already: take the first that is new.
  for (const { offer } of recs.items) {
    const reply = await request.post('/api/v1/referrals', {
      headers,
      data: { resident_id: jan, offer_id: offer.id, note: 'Misschien is dit ook iets voor je.' },
    })
    if (reply.status() === 201) return offer.title
    expect(reply.status(), await reply.text()).toBe(409)
  }
  throw new Error('no offer left to propose to Jan')
}

test('a resident says yes to the proposal of the neighbourhood worker and passes the note on', async ({ page }) => {
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/my-referrals')
  await settled(page)
  const card = page.locator('main .meedoen-card').filter({ hasText: SEEDED_OFFER })
  await expect(card).toBeVisible()
  await expect(card.getByText(/^Voorstel van Fatma \(wijkwerker\)/)).toBeVisible()
  await expect(card.getByText('Jan, je vertelde dat je graag buiten bezig bent.', { exact: false })).toBeVisible()

  const accept = card.getByRole('button', { name: `Ja, meld me aan voor ${SEEDED_OFFER}` })
  // A retry finds the proposal answered already; the outcome is checked below either way.
  if (await accept.isVisible()) {
    await card.getByLabel('Mijn wijkwerker mag de notitie doorgeven aan de organisatie').check()
    await card.getByLabel('Bericht aan de organisatie (mag leeg blijven)').fill('Ik kom graag op dinsdag.')
    await expectNoAxeViolations(page)
    await accept.click()
    await expect(card.getByRole('status').filter({ hasText: 'Je hebt ja gezegd. Je bent aangemeld.' })).toBeVisible()
    await expectNoAxeViolations(page)
  }
  await expect(card.getByText('Ja gezegd', { exact: true })).toBeVisible()

  // The sign-up is in my activities; the worker's look is in "Wie keek er mee".
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn activiteiten' }).click()
  await settled(page)
  await expect(page.locator('main .meedoen-card').filter({ hasText: SEEDED_OFFER })).toContainText('Aangenomen')
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wie keek er mee' }).click()
  await settled(page)
  await expect(page.locator('main').getByText('Fatma (wijkwerker)').first()).toBeVisible()
})

test('a resident says no to a proposal, with a reason only the worker reads', async ({ page }) => {
  const title = await proposeToJan(page.request)
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/my-referrals')
  await settled(page)
  const card = page.locator('main .meedoen-card').filter({ hasText: title }).filter({ hasText: 'Wacht op jouw antwoord' })
  await expect(card).toBeVisible()
  await card.getByRole('button', { name: `Nee, liever niet: ${title}` }).click()
  await card.getByLabel('Waarom niet? (mag leeg blijven)').fill('Op die dagen werk ik.')
  await expectNoAxeViolations(page)
  await card.getByRole('button', { name: `Nee, liever niet: ${title}` }).click()
  // The card no longer waits for an answer, so it is found by its message now.
  await expect(page.getByRole('status').filter({ hasText: 'Je hebt nee gezegd. Je wijkwerker krijgt bericht.' })).toBeVisible()

  // In English the answered proposal reads as declined.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Voorstellen')
  await expect(page.locator('main').getByText('You said no', { exact: true }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Nederlands' }).click()
})
