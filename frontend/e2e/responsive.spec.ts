import { DEMO_WORKER, expect, expectNoAxeViolations, expectNoHorizontalScroll, saveScreenshot, signIn, test, WIDTHS } from './fixtures'
import { MAIN_PAGES } from './pages'

/** What the focused element looks like: enough to tell whether the focus is visible. */
async function focused(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return null
    const style = getComputedStyle(el)
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim().slice(0, 40),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      shadow: style.boxShadow !== 'none',
    }
  })
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: width < 600 ? 720 : 800 } })

    for (const main of MAIN_PAGES) {
      test(`${main.name} fits without sideways scrolling (screenshot)`, async ({ page }) => {
        await main.open(page)
        await expectNoHorizontalScroll(page)
        await saveScreenshot(page, main.name)
      })
    }

    test('the keyboard alone reaches the sign-in form and signs in; focus is visible', async ({ page }) => {
      await page.goto('/')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

      // The first Tab lands on the skip link, which then shows.
      await page.keyboard.press('Tab')
      await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused()
      await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeInViewport()

      const signInLink = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inloggen' })
      const seen: string[] = []
      for (let i = 0; i < 15 && !(await signInLink.evaluate((el) => el === document.activeElement)); i++) {
        const f = await focused(page)
        expect(f, 'Tab moved focus to nothing').not.toBeNull()
        expect(f?.outline, `no visible focus outline on ${JSON.stringify(f)}`).toBe(true)
        seen.push(`${f?.tag}:${f?.text}`)
        await page.keyboard.press('Tab')
      }
      await expect(signInLink, `tabbed through ${seen.join(', ')}`).toBeFocused()
      expect((await focused(page))?.outline).toBe(true)
      await page.keyboard.press('Enter')
      await expect(page).toHaveURL(/\/login$/)
      await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()

      const email = page.getByLabel('E-mailadres')
      for (let i = 0; i < 15 && !(await email.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab')
        const f = await focused(page)
        expect(f?.outline, `no visible focus outline on ${JSON.stringify(f)}`).toBe(true)
      }
      await expect(email).toBeFocused()
      await page.keyboard.type('bewoner@demo.meedoen.nl')
      await page.keyboard.press('Tab')
      await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused()
      await page.keyboard.type('meedoen-demo')
      await page.keyboard.press('Enter')
      await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
      await expectNoHorizontalScroll(page)
    })

    test('signed in, the menu fits: folded behind a Menu button on a phone, open on a desktop', async ({ page }) => {
      await signIn(page, DEMO_WORKER.email, DEMO_WORKER.password)
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
      const toggle = nav.getByRole('button', { name: 'Menu', exact: true })
      const myActivities = nav.getByRole('link', { name: 'Mijn activiteiten' })
      if (width >= 600) {
        await expect(toggle).toBeHidden()
        await expect(myActivities).toBeVisible()
        await expect(nav.getByRole('link', { name: 'Wijkwerk' })).toBeVisible()
        return
      }
      // Folded: the header stays small, the links are out of the way (and out of the Tab order).
      await expect(toggle).toHaveAttribute('aria-expanded', 'false')
      await expect(myActivities).toBeHidden()
      // (About 200 px: logo and Menu, who is signed in, the languages; unfolded for a worker it was 370 px.)
      const header = await page.locator('header').boundingBox()
      expect(header?.height ?? 0).toBeLessThan(240)
      // The keyboard opens it, reaches a link and follows it; the menu folds again.
      await toggle.focus()
      await page.keyboard.press('Enter')
      await expect(nav.getByRole('button', { name: 'Menu sluiten' })).toHaveAttribute('aria-expanded', 'true')
      await expect(nav.getByRole('link', { name: 'Wijkwerk' })).toBeVisible()
      await page.keyboard.press('Tab')
      await expect(nav.getByRole('link', { name: 'Activiteiten', exact: true })).toBeFocused()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await expect(myActivities).toBeFocused()
      await expectNoHorizontalScroll(page)
      await expectNoAxeViolations(page)
      await saveScreenshot(page, 'menu-open')
      await page.keyboard.press('Enter')
      await expect(page).toHaveURL(/\/my-activities$/)
      await expect(toggle).toHaveAttribute('aria-expanded', 'false')
      await expect(myActivities).toBeHidden()
    })
  })
}
