// Participation statements: the demo resident (Jan Bewoner, about 7 times present at the Pluktuin Bargeres of
// Stadsboerderij De Esch in the last 10 weeks) makes a statement in English on "Mijn deelname" and downloads its PDF;
// a visitor who is not signed in (a fresh browser context) checks the code on /verklaring/<code>, typed or from the
// PDF, and sees the same figures; Jan revokes the code and the check page then says it no longer checks out. The
// section and the check page pass axe at 320 and 1280 px without sideways scrolling. Every statement made here is
// revoked after its test (through the API), so the demo resident keeps no working codes from a run.
import { readFile } from 'node:fs/promises'
import type { Browser, Locator, Page } from '@playwright/test'
import {
  apiLogin,
  DEMO_RESIDENT,
  expect,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  saveScreenshot,
  settled,
  signIn,
  test,
  WIDTHS,
} from './fixtures'

const OFFER = 'Pluktuin Bargeres: samen zaaien en oogsten'

/** The codes each test made, revoked after it. */
const made: string[] = []
test.afterEach(async ({ request }) => {
  const codes = made.splice(0)
  if (codes.length === 0) return
  const token = await apiLogin(request, DEMO_RESIDENT)
  for (const code of codes) {
    // 204, or 404 when the test revoked it already.
    const reply = await request.delete(`/api/v1/statements/${code}`, { headers: { Authorization: `Bearer ${token}` } })
    expect([204, 404]).toContain(reply.status())
  }
})

function section(page: Page): Locator {
  return page.getByRole('region', { name: 'Verklaring voor je klantmanager' })
}

/** Makes a statement of the page's period in `language` on /my-participation; its code (the status takes the focus). */
async function makeStatement(page: Page, language: 'Nederlands' | 'English'): Promise<string> {
  const statements = section(page)
  await statements.getByRole('radio', { name: language }).check()
  await statements.getByRole('button', { name: 'Verklaring maken' }).click()
  const status = statements.locator('.meedoen-statements__status')
  await expect(status).toBeFocused()
  await expect(status).toContainText(/^Je verklaring is klaar\. De code is [0-9A-Z]{5}-[0-9A-Z]{5}\.$/)
  const code = /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec((await status.textContent()) ?? '')?.[1] ?? ''
  made.push(code)
  return code
}

/** The listed statement with `code`. */
function listed(page: Page, code: string): Locator {
  return section(page).getByRole('list', { name: 'Je verklaringen' }).getByRole('listitem').filter({ hasText: code })
}

/** The figures of a listed statement: times present and hours as the page writes them ("17,5"). */
async function figures(item: Locator): Promise<{ sessions: string; hours: string }> {
  await expect(item).toContainText(/Op de verklaring\d+ keer aanwezig, [\d,]+ uur/)
  const match = /Op de verklaring(\d+) keer aanwezig, ([\d,]+) uur/.exec((await item.textContent()) ?? '')
  return { sessions: match?.[1] ?? '', hours: match?.[2] ?? '' }
}

/** Runs `act` with a page of a fresh browser context: nobody signed in. */
async function signedOut(browser: Browser, baseURL: string | undefined, width: number, act: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: width < 600 ? 720 : 800 } })
  try {
    const page = await context.newPage()
    await act(page)
  } finally {
    await context.close()
  }
}

test('a resident makes a statement in English and downloads it, a visitor checks its code, and after revoking it no longer checks out', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/my-participation')
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn deelname' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Per activiteit' })).toContainText(OFFER)
  await expect(section(page).getByText(/^De verklaring gaat over .* tot en met .*\. Wil je een andere periode\? Kies die hierboven\.$/)).toBeVisible()

  const code = await makeStatement(page, 'English')
  const item = listed(page, code)
  await expect(item).toContainText('TaalEnglish')
  await expect(item).toContainText('ControlerenKan met de code')
  const { sessions, hours } = await figures(item)
  expect(Number(sessions)).toBeGreaterThan(0)

  // The PDF, fetched with the access token and saved.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section(page).getByRole('button', { name: 'Download de verklaring (PDF)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  expect(download.suggestedFilename()).toContain(code)
  const file = await readFile(await download.path())
  expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // A visitor who is not signed in types the code in small letters without the dash; then opens the PDF's address.
  await signedOut(browser, baseURL, 1280, async (visitor) => {
    await visitor.goto('/verklaring')
    await settled(visitor)
    await visitor.getByLabel('Code van de verklaring').fill(code.replace('-', '').toLowerCase())
    await visitor.getByRole('button', { name: 'Controleren' }).click()
    await expect(visitor).toHaveURL(new RegExp(`/verklaring/${code}$`))
    await expect(visitor.getByText(`De code ${code} klopt. De verklaring is echt.`)).toBeVisible()
    const details = visitor.getByRole('region', { name: 'Wat er op de verklaring staat' })
    await expect(details).toContainText('NaamJan Bewoner')
    const table = details.getByRole('table', { name: 'Activiteiten van Jan Bewoner' })
    const row = table.getByRole('row').filter({ hasText: OFFER })
    await expect(row).toContainText('Organisatie: Stadsboerderij De Esch')
    await expect(row).toContainText('Soort: Stadslandbouw')
    const total = table.locator('tfoot tr')
    await expect(total.getByRole('rowheader')).toHaveText('Totaal')
    await expect(total.getByRole('cell').nth(0)).toHaveText(sessions)
    await expect(total.getByRole('cell').nth(1)).toHaveText(`${hours} uur`)

    // The same in English.
    await visitor.getByRole('button', { name: 'English' }).click()
    await expect(visitor.getByRole('heading', { level: 1, name: 'Check a statement' })).toBeVisible()
    await expect(visitor.getByRole('table', { name: 'Activities of Jan Bewoner' }).locator('tfoot tr')).toContainText('Total')
  })

  // Revoking: asked inline first; the outcome takes the focus, and the list says so.
  await item.getByRole('button', { name: `Code intrekken: ${code}` }).click()
  await expect(item.getByText(`Wil je de code ${code} intrekken?`, { exact: false })).toBeFocused()
  await item.getByRole('button', { name: 'Ja, code intrekken' }).click()
  const done = item.locator('.utrecht-alert').filter({ hasText: `De code ${code} is ingetrokken.` })
  await expect(done).toBeFocused()
  await expect(item).toContainText('Ingetrokken: de code werkt niet meer')
  await page.reload()
  await settled(page)
  await expect(listed(page, code)).toContainText('Ingetrokken: de code werkt niet meer')
  await expect(listed(page, code).getByRole('button', { name: /^Code intrekken/ })).toHaveCount(0)

  await signedOut(browser, baseURL, 1280, async (visitor) => {
    await visitor.goto(`/verklaring/${code}`)
    await settled(visitor)
    await expect(visitor.getByRole('alert')).toContainText('Deze code klopt niet of is ingetrokken.')
    await expect(visitor.getByRole('table')).toHaveCount(0)
  })
})

for (const width of WIDTHS) {
  test.describe(`the statement pages at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 720 : 800 } })

    test('the section on "Mijn deelname" and the check page have no axe violations and no sideways scrolling', async ({ page, browser, baseURL }) => {
      await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/my-participation')
      await expect(section(page)).toBeVisible()
      const code = await makeStatement(page, 'Nederlands')
      await expect(listed(page, code)).toBeVisible()
      await section(page).scrollIntoViewIfNeeded()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)
      await saveScreenshot(page, 'statements-section')

      // The inline question open.
      await listed(page, code).getByRole('button', { name: `Code intrekken: ${code}` }).click()
      await expect(page.getByRole('button', { name: 'Ja, code intrekken' })).toBeVisible()
      await expectNoAxeViolations(page)
      await expectNoHorizontalScroll(page)

      await signedOut(browser, baseURL, width, async (visitor) => {
        await visitor.goto(`/verklaring/${code}`)
        await settled(visitor)
        await expect(visitor.getByRole('table', { name: 'Activiteiten van Jan Bewoner' })).toBeVisible()
        await expectNoAxeViolations(visitor)
        await expectNoHorizontalScroll(visitor)
        await saveScreenshot(visitor, 'statement-verified')

        await visitor.goto('/verklaring/00000-00000')
        await settled(visitor)
        await expect(visitor.getByRole('alert')).toContainText('Deze code klopt niet of is ingetrokken.')
        await expectNoAxeViolations(visitor)
        await expectNoHorizontalScroll(visitor)
        await saveScreenshot(visitor, 'statement-not-found')
      })
    })
  })
}
