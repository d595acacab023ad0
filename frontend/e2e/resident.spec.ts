import { DEMO_RESIDENT, expect, expectNoAxeViolations, settled, signIn, test } from './fixtures'

test('a resident changes the profile, sees recommendations with reasons and who looked', async ({ page }) => {
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password)
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })

  // The wizard starts with the saved profile: Jan lives in Emmerhout.
  await nav.getByRole('link', { name: 'Mijn profiel' }).click()
  await expect(page).toHaveURL(/\/profile$/)
  await settled(page)
  await expect(page.getByRole('group', { name: 'Waar woon je?' })).toBeVisible()
  await expect(page.getByLabel('Mijn wijk of dorp').locator('option:checked')).toHaveText(/Emmerhout/)

  // Step by step to "when are you free", with the buttons.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Volgende stap' }).click()
  await expect(page.getByRole('group', { name: 'Wanneer heb je tijd?' })).toBeVisible()
  await expect(page.getByText('Stap 5 van 8')).toBeVisible()
  // The demo profile has Tuesday and Thursday mornings.
  await expect(page.getByRole('checkbox', { name: 'dinsdag ochtend' })).toBeChecked()
  const saturday = page.getByRole('checkbox', { name: 'zaterdag middag' })
  await expect(saturday).not.toBeChecked()
  await saturday.check()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Je profiel is opgeslagen.' })).toBeVisible()

  // Saved on the server: after a reload the box is still checked.
  await page.reload()
  await settled(page)
  await page.getByRole('button', { name: '5. Wanneer heb je tijd?' }).click()
  await expect(page.getByRole('checkbox', { name: 'zaterdag middag' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'dinsdag ochtend' })).toBeChecked()

  // The other steps are there and pass axe too.
  await page.getByRole('button', { name: '6. Wat heb je nodig?' }).click()
  await expect(page.getByRole('group', { name: 'Hoeveel hulp wil je?' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Een beetje hulp' })).toBeChecked()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: '8. Wie mag wat zien?' }).click()
  await expect(page.getByRole('checkbox', { name: 'Wijkwerkers van mijn wijk mogen mijn profiel zien' })).toBeChecked()

  // "Voor jou": offers with their reasons as sentences.
  await nav.getByRole('link', { name: 'Voor jou' }).click()
  await expect(page).toHaveURL(/\/for-you$/)
  const first = page.locator('main .meedoen-card').first()
  await expect(first).toBeVisible()
  await settled(page)
  await expect(first.getByRole('heading', { level: 3, name: 'Waarom dit bij je past' })).toBeVisible()
  const reasons = first.locator('.meedoen-reasons li')
  expect(await reasons.count()).toBeGreaterThan(0)
  await expect(page.locator('main .meedoen-reasons li').filter({ hasText: /^(Het past bij wat je leuk vindt|Het helpt bij wat je wilt|Het is in je eigen wijk|Het past in je vrije tijd)/ }).first()).toBeVisible()
  await expect(page.locator('main')).not.toContainText('reasons.')
  await expect(page.locator('main')).not.toContainText('{{')

  // English: the same reasons in English.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'For you' })).toBeVisible()
  await expect(page.locator('main .meedoen-reasons li').filter({ hasText: /^(It fits what you like|It helps with what you want|It is in your own district|It fits your free time)/ }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Nederlands' }).click()

  // "Wie keek er mee" renders, with entries or the empty message.
  await nav.getByRole('link', { name: 'Wie keek er mee' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Wie keek er mee' })).toBeVisible()
  await settled(page)
  await expect(page.locator('main .meedoen-card').first().or(page.getByText('Er heeft nog geen wijkwerker naar je gegevens gekeken.'))).toBeVisible()

  // "Voorstellen" renders, with referrals or the empty message.
  await nav.getByRole('link', { name: 'Voorstellen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Voorstellen' })).toBeVisible()
  await settled(page)
  await expect(page.locator('main .meedoen-card').first().or(page.getByText('Je hebt nu geen voorstellen.'))).toBeVisible()
})
