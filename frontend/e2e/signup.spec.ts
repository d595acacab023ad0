import { DEMO_RESIDENT, expect, settled, signIn, test } from './fixtures'

const OFFER = 'Bewegen en koffie op de club'

test('a resident signs up for an offer with a message, sees it in my activities and withdraws', async ({ page }) => {
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password)
  await expect(page.getByText('Ingelogd als')).toBeVisible()

  await page.goto('/offers?q=' + encodeURIComponent('Bewegen en koffie'))
  await page.getByRole('link', { name: OFFER }).click()
  await settled(page)
  await expect(page.getByRole('heading', { level: 1, name: OFFER })).toBeVisible()

  await page.getByLabel('Bericht aan de organisatie (mag leeg blijven)').fill('Ik kom graag op dinsdag. Groeten!')
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()

  // The offer takes sign-ups on its own: accepted right away (pending or waitlisted are also valid outcomes).
  const outcome = page.locator('.meedoen-signup').getByRole('status')
  await expect(outcome).toContainText(/Gelukt! Je bent aangenomen|Je aanmelding is binnen|Je staat op de wachtlijst/)

  await outcome.getByRole('link', { name: 'Naar mijn activiteiten' }).click()
  await expect(page).toHaveURL(/\/my-activities$/)
  await settled(page)
  const card = page.locator('main .meedoen-card').filter({ hasText: OFFER })
  await expect(card).toHaveCount(1)
  await expect(card.locator('.meedoen-status')).toHaveText(/Aangenomen|Wordt bekeken|Op de wachtlijst/)

  // Withdrawing asks first: "no" keeps the sign-up, "yes" withdraws it.
  await card.getByRole('button', { name: `Afmelden voor ${OFFER}` }).click()
  const question = card.getByRole('group', { name: `Weet je het zeker? Je meldt je dan af voor ${OFFER}.` })
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Nee, toch niet' }).click()
  await expect(card.getByRole('button', { name: `Afmelden voor ${OFFER}` })).toBeFocused()
  await card.getByRole('button', { name: `Afmelden voor ${OFFER}` }).click()
  await question.getByRole('button', { name: 'Ja, afmelden' }).click()
  await expect(card.getByRole('status')).toHaveText(`Je bent afgemeld voor ${OFFER}.`)
  await expect(card.locator('.meedoen-status')).toHaveText('Afgemeld')
  await expect(card.getByRole('button', { name: `Afmelden voor ${OFFER}` })).toHaveCount(0)

  // The server agrees: after a reload the sign-up is still withdrawn.
  await page.reload()
  await expect(page.locator('main .meedoen-card').filter({ hasText: OFFER }).locator('.meedoen-status')).toHaveText('Afgemeld')
})
