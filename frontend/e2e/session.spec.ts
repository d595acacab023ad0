import { DEMO_RESIDENT, expect, settled, signIn, test } from './fixtures'

test('the refresh token stays out of reach of scripts; the session survives an expired access token and ends on sign-out', async ({ page }) => {
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password)

  // The page keeps only the access token; the refresh token is an HttpOnly cookie for /api/v1/auth.
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('meedoen.session'))) ?? 'null') as Record<string, string>
  expect(Object.keys(stored)).toEqual(['access'])
  const cookie = (await page.context().cookies()).find((c) => c.name === 'meedoen_refresh')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('meedoen_refresh')

  // An access token the server refuses (as an expired one is): the app refreshes with the cookie, unseen.
  await page.evaluate(() => localStorage.setItem('meedoen.session', JSON.stringify({ access: 'expired.or.forged' })))
  await page.goto('/my-activities')
  await settled(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn activiteiten' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
  const renewed = JSON.parse((await page.evaluate(() => localStorage.getItem('meedoen.session'))) ?? 'null') as { access: string }
  expect(renewed.access).not.toBe('expired.or.forged')

  // Signing out ends the session on the server and clears the cookie.
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page).toHaveURL(/\/login$/)
  expect((await page.context().cookies()).find((c) => c.name === 'meedoen_refresh')).toBeUndefined()
  expect(await page.evaluate(() => localStorage.getItem('meedoen.session'))).toBeNull()
  await page.goto('/my-activities')
  await expect(page.getByText('Log in om je activiteiten te zien.')).toBeVisible()
})
