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
