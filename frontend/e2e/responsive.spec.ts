import { expect, expectNoHorizontalScroll, saveScreenshot, test, WIDTHS } from './fixtures'
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
      await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn activiteiten' })).toBeVisible()
      await expectNoHorizontalScroll(page)
    })
  })
}
