// The monitor: the demo's policy officer (monitor@demo.meedoen.nl, role `monitor` only) opens the monitor, sees
// Den Helder's figures per area with small counts shown as "< 5", drills down into Emmen and one of its areas,
// changes the indicator and the period, and downloads the answer as CSV. A worker sees only their own districts;
// a resident is kept out. The page passes axe at 320 and 1280 px, in Dutch and in English.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { DEMO_RESIDENT, DEMO_WORKER, expect, expectNoAxeViolations, expectNoHorizontalScroll, saveScreenshot, settled, signIn, test, WIDTHS } from './fixtures'

const DEMO_MONITOR = { email: 'monitor@demo.meedoen.nl', password: 'meedoen-demo' }

function table(page: Page) {
  return page.getByRole('table')
}

test('the policy officer reads the figures per area, drills down, changes the question and downloads the CSV', async ({ page }) => {
  await signIn(page, DEMO_MONITOR.email, DEMO_MONITOR.password, '/monitor')
  await expect(page.getByRole('heading', { level: 1, name: /^Monitor: / })).toBeVisible()
  await expect(table(page)).toBeVisible()
  // A monitor-only account has no resident pages in the menu, and the monitor is there.
  const menu = page.getByRole('navigation').first()
  await expect(menu.getByRole('link', { name: 'Monitor' })).toBeVisible()
  await expect(menu.getByRole('link', { name: 'Mijn profiel' })).toHaveCount(0)

  // Emmen: the municipality, then one of its areas.
  await page.getByRole('combobox', { name: 'Gebied of wijk' }).selectOption({ label: 'Emmen' })
  await page.getByRole('button', { name: 'Toon de cijfers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Monitor: Emmen' })).toBeVisible()
  await expect(table(page).getByRole('rowheader').or(table(page).getByRole('cell')).filter({ hasText: 'Zuid' }).first()).toBeVisible()
  await table(page).getByRole('link', { name: 'Zuid' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Monitor: Zuid' })).toBeVisible()
  // The Pluktuin Bargeres' few participants are fewer than 5: never shown as a number.
  await expect(table(page)).toContainText('< 5')
  await expect(page.getByText('< 5: minder dan 5 mensen.')).toBeVisible()

  // Another indicator: hours.
  await page.getByRole('combobox', { name: 'Cijfer' }).selectOption({ label: 'Uren meedoen' })
  await page.getByRole('button', { name: 'Toon de cijfers' }).click()
  await expect(page).toHaveURL(/indicator=hours/)
  await expect(page.getByRole('heading', { level: 2, name: /^Uren meedoen in Zuid/ })).toBeVisible()

  // The CSV: the same lines, each with the indicator and period.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download als CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^monitor-hours-\d{4}-\d{2}\.csv$/)
  const text = await readFile(await file.path(), 'utf8')
  expect(text.split('\n')[0]).toContain('indicator,naam,definitie,periode')
  expect(text).toContain('Zuid')
})

test('a worker sees the figures of their own districts only; a resident is kept out', async ({ page }) => {
  await signIn(page, DEMO_WORKER.email, DEMO_WORKER.password, '/monitor')
  await expect(page.getByRole('heading', { level: 1, name: /^Monitor: / })).toBeVisible()
  await expect(page.getByText('Je ziet de cijfers van de wijken waar je werkt.')).toBeVisible()
  await expect(table(page).or(page.getByText(/Onder .* liggen geen kleinere gebieden/))).toBeVisible()
  await page.getByRole('button', { name: 'Uitloggen' }).click()

  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/monitor')
  await expect(page.getByRole('heading', { level: 1, name: 'Monitor' })).toBeVisible()
  await expect(table(page)).toHaveCount(0)
})

for (const width of WIDTHS) {
  test.describe(`the monitor at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 720 : 800 } })

    test('has no axe violations and no sideways scrolling, in Dutch and in English', async ({ page }) => {
      await signIn(page, DEMO_MONITOR.email, DEMO_MONITOR.password, '/monitor')
      await expect(table(page)).toBeVisible()
      await settled(page)
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'monitor')

      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.getByRole('button', { name: 'Show the figures' })).toBeVisible()
      await expect(table(page)).toBeVisible()
      await settled(page)
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
    })
  })
}
