import { expect, signIn, test } from './fixtures'
import { extractLink, waitForMail } from './mail'

test('a new account: register, open the link from the email, verified, then sign in', async ({ page }) => {
  const email = `e2e-${Date.now()}@example.org`
  const password = 'vier losse woorden samen'

  await page.goto('/register')
  await page.getByLabel('Je naam').fill('Test Bewoner')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Account maken' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je e-mail' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText(email)

  const mail = await waitForMail(email)
  const link = extractLink(mail, '/verify-email')
  expect(link).toMatch(/^\/verify-email\?token=/)

  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'E-mailadres bevestigen' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('Gelukt! Je e-mailadres is bevestigd.')

  await signIn(page, email, password)
  await expect(page.getByText('Ingelogd als Test Bewoner')).toBeVisible()
})

test('a link that no longer works offers a new one, which works', async ({ page }) => {
  const email = `e2e-opnieuw-${Date.now()}@example.org`
  const registered = await page.request.post('/api/v1/auth/register', {
    data: { email, password: 'vier losse woorden samen', display_name: 'Opnieuw', locale: 'nl' },
  })
  expect(registered.ok(), await registered.text()).toBeTruthy()
  const first = extractLink(await waitForMail(email), '/verify-email')

  // A link whose token is not (or no longer) valid, as an expired one is.
  await page.goto('/verify-email?token=verlopen')
  await expect(page.getByRole('alert')).toContainText('Deze link werkt niet (meer).')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByRole('button', { name: 'Stuur een nieuwe link' }).click()
  await expect(page.getByRole('status')).toContainText('Als er een account met dit e-mailadres is')

  // The newest mail to the address is the second one, with another link.
  let fresh = first
  await expect(async () => {
    fresh = extractLink(await waitForMail(email), '/verify-email')
    expect(fresh).not.toBe(first)
  }).toPass({ timeout: 20_000 })
  await page.goto(fresh)
  await expect(page.getByRole('status')).toContainText('Gelukt! Je e-mailadres is bevestigd.')
})
