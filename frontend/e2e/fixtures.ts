// The `test` every spec uses: Playwright's, with the base URL of the server the global setup started.
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ENV, required } from './server-env'

export const test = base.extend({
  // Playwright needs the destructuring pattern, even when the fixture uses no other fixtures.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(required(ENV.baseUrl))
  },
})
export { expect }

export const DEMO_RESIDENT = { email: 'bewoner@demo.meedoen.nl', password: 'meedoen-demo' }
/** Member of Sportvereniging Emmerhout and Stadsboerderij De Esch. */
export const DEMO_ORGANISER = { email: 'organisatie@demo.meedoen.nl', password: 'meedoen-demo' }
/** Neighbourhood worker for Emmen Noord (Emmerhout, Emmerschans, Angelslo, Emmermeer). */
export const DEMO_WORKER = { email: 'wijkwerker@demo.meedoen.nl', password: 'meedoen-demo' }
export const DEMO_ADMIN = { email: 'admin@demo.meedoen.nl', password: 'meedoen-demo' }
export const WIDTHS = [320, 1280] as const

/** Signs in through the form and waits until the app shows the person signed in. */
export async function signIn(page: Page, email: string, password: string, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  // (The sign-out button, not a menu link: on a phone the menu is folded away.)
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
  // The header shows the session a moment before the app leaves the sign-in page; wait for the next page, whose
  // heading then takes the focus (useFocusHeadingOnNavigate), so a test's own focus is not taken from it later.
  await expect(page).not.toHaveURL(/\/login(\?|$)/)
  await settled(page)
}

/** Waits until the page shows no loading message and has its main heading. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible()
  await expect(page.getByText('Even geduld…')).toHaveCount(0)
  await expect(page.getByText('Please wait…')).toHaveCount(0)
}

/** The document does not scroll sideways (1 px of rounding allowed). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const size = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }
  })
  expect(size.scrollWidth, `scrollWidth ${size.scrollWidth} > clientWidth ${size.clientWidth}`).toBeLessThanOrEqual(size.clientWidth + 1)
}

/** Axe with the WCAG 2.2 A/AA rule sets; fails with a readable list of the violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  const report = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  )
  expect(report, `axe violations on ${page.url()}`).toEqual([])
}

/** Saves a full-page screenshot under test-results/screenshots/<name>-<width>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(import.meta.dirname, '..', 'test-results', 'screenshots')
  mkdirSync(dir, { recursive: true })
  const width = page.viewportSize()?.width ?? 0
  await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true, animations: 'disabled' })
}

/** Signs in through the API; the access token. */
export async function apiLogin(request: APIRequestContext, who: { email: string; password: string }): Promise<string> {
  const reply = await request.post('/api/v1/auth/login', { data: { email: who.email, password: who.password } })
  expect(reply.status(), await reply.text()).toBe(200)
  return ((await reply.json()) as { access_token: string }).access_token
}
