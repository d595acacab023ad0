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
