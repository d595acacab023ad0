import { DEMO_RESIDENT, expect, expectNoAxeViolations, settled, signIn, test, WIDTHS } from './fixtures'
import { MAIN_PAGES, openOfferDetail } from './pages'

// axe-core with the WCAG 2.0, 2.1 and 2.2 A/AA rules, on every main page at phone and desktop width.
for (const width of WIDTHS) {
  test.describe(`axe at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 720 : 800 } })

    for (const main of MAIN_PAGES) {
      test(`${main.name} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
        await main.open(page)
        await expectNoAxeViolations(page)
      })
    }
  })
}

test('signed in: the sign-up form, its outcome and my activities with a sign-up have no violations', async ({ page }) => {
  const title = 'Wandelgroep Emmerschans'
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password)
  await openOfferDetail(page, title)
  await expect(page.getByLabel('Bericht aan de organisatie (mag leeg blijven)')).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await expect(page.locator('.meedoen-signup').getByRole('status')).toBeVisible()
  await expectNoAxeViolations(page)

  await page.goto('/my-activities')
  await settled(page)
  await expect(page.locator('main .meedoen-card').filter({ hasText: title })).toBeVisible()
  await expectNoAxeViolations(page)

  // English too: the texts change, the structure must stay valid.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My activities' })).toBeVisible()
  await expectNoAxeViolations(page)
})
