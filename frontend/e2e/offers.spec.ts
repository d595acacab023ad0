import { expect, settled, test } from './fixtures'

test('home leads to the offers; district and kind filters narrow the list; an offer opens', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Meedoen in je wijk' })).toBeVisible()
  await page.getByRole('main').getByRole('link', { name: 'Bekijk activiteiten' }).click()

  await expect(page).toHaveURL(/\/offers$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten' })).toBeVisible()
  const cards = page.locator('main .meedoen-card')
  const status = page.getByRole('main').getByRole('status')
  // The demo world has 40 offers; the first page shows 20 and says there are more.
  await expect(status).toContainText('20 activiteiten gevonden')
  await expect(status).toContainText('Er zijn meer activiteiten')
  await expect(cards).toHaveCount(20)

  // District: Emmerhout (an indented option under Emmen).
  const emmerhout = await page.locator('#district option', { hasText: 'Emmerhout' }).getAttribute('value')
  expect(emmerhout).toBeTruthy()
  await page.getByLabel('Wijk').selectOption(emmerhout ?? '')
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
  await expect(page).toHaveURL(/district=/)
  await expect(status).toHaveText('3 activiteiten gevonden.')
  await expect(cards).toHaveCount(3)
  for (const card of await cards.all()) await expect(card).toContainText('in Emmerhout')

  // Kind: volunteer work.
  await page.getByLabel('Soort activiteit').selectOption('volunteer_work')
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
  await expect(page).toHaveURL(/kind=volunteer_work/)
  await expect(status).toHaveText('2 activiteiten gevonden.')
  await expect(cards).toHaveCount(2)
  for (const card of await cards.all()) await expect(card).toContainText('Vrijwilligerswerk')

  // The filters live in the URL: a reload keeps them.
  await page.reload()
  await expect(status).toHaveText('2 activiteiten gevonden.')

  await page.getByRole('link', { name: 'Taalmaatje worden' }).click()
  await expect(page).toHaveURL(/\/offers\/[0-9a-f-]+$/)
  await settled(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Taalmaatje worden' })).toBeVisible()
  await expect(page).toHaveTitle(/Taalmaatje worden/)
  await expect(page.getByText('Emmerhout', { exact: false }).first()).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Aanmelden voor deze activiteit' })).toBeVisible()
  // Signed out: the page asks to sign in first.
  await expect(page.getByRole('link', { name: 'Inloggen om je aan te melden' })).toBeVisible()

  await page.getByRole('link', { name: 'Terug naar alle activiteiten' }).click()
  await expect(page).toHaveURL(/\/offers$/)
})
