import { expect, test } from './fixtures'

test('the language switch turns the interface English and back to Dutch', async ({ page }) => {
  await page.goto('/offers')
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
  await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible()
  await expect(page.getByLabel('Kind of activity')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Sign in' })).toBeVisible()

  // The choice is remembered across a reload.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible()

  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Inloggen' })).toBeVisible()
})

test('the new pages speak English too: an offer page, the statements, the programme', async ({ page }) => {
  await page.goto('/offers')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // An offer's page: when, where, who.
  await page.goto('/offers?q=Meewerken%20moestuin')
  await page.getByRole('link', { name: 'Meewerken in de moestuin' }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: 'When' })).toBeVisible()
  await expect(page.getByText(/^Every \w+day from \d\d:\d\d to \d\d:\d\d/).first()).toBeVisible()

  // The footer's statements.
  const footer = page.getByRole('contentinfo')
  await footer.getByRole('link', { name: 'Accessibility', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible()
  await footer.getByRole('link', { name: 'Privacy statement' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy statement' })).toBeVisible()

  // The programme on paper.
  await page.goto('/programma')
  await expect(page.getByRole('heading', { level: 1, name: 'Programme on paper' })).toBeVisible()

  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
})
