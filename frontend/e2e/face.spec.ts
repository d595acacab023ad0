// The municipality's face (its name, logo, colours and footer; the statement pages) and the programme on paper.
import type { Page } from '@playwright/test'
import { DEMO_WORKER, expect, expectNoAxeViolations, expectNoHorizontalScroll, saveScreenshot, settled, signIn, test, WIDTHS } from './fixtures'
import { openJansProfile } from './pages-worker'

/** Makes this week's programme of Emmerhout through the form (the demo's "Taalmaatje worden" meets on Thursdays). */
async function openProgramme(page: Page): Promise<void> {
  await page.goto('/programma')
  await settled(page)
  const district = page.getByLabel('Wijk of gebied')
  const emmerhout = await district.locator('option', { hasText: 'Emmerhout' }).getAttribute('value')
  await district.selectOption(emmerhout ?? '')
  await page.getByRole('button', { name: 'Programma maken' }).click()
  await expect(page.getByRole('region', { name: 'Emmerhout' })).toBeVisible()
  await settled(page)
}

const FACE_PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'privacy',
    open: async (page) => {
      await page.goto('/privacy')
      await expect(page.getByRole('heading', { level: 1, name: 'Privacyverklaring' })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'accessibility-statement',
    open: async (page) => {
      await page.goto('/toegankelijkheid')
      await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'programme-form',
    open: async (page) => {
      await page.goto('/programma')
      await expect(page.getByLabel('Wijk of gebied')).toBeVisible()
      await settled(page)
    },
  },
  { name: 'programme', open: openProgramme },
]

for (const width of WIDTHS) {
  test.describe(`the municipality's face at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 720 : 800 } })

    for (const face of FACE_PAGES) {
      test(`${face.name} has no WCAG 2.2 A/AA violations and fits (screenshot)`, async ({ page }) => {
        await face.open(page)
        await expectNoAxeViolations(page)
        await expectNoHorizontalScroll(page)
        await saveScreenshot(page, face.name)
      })
    }

    test('the header shows the municipality, the footer its contact details and links', async ({ page }) => {
      await page.goto('/')
      await settled(page)
      const logo = page.getByRole('banner').getByRole('img', { name: 'Gemeente Emmen' })
      await expect(logo).toBeVisible()
      await expect(logo).toHaveAttribute('src', '/themes/emmen/logo.svg')
      expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
      await expect(page.getByRole('banner').getByRole('link', { name: /Meedoen/ }).first()).toContainText('Meedoen')

      const footer = page.getByRole('contentinfo')
      await expect(footer).toContainText('Meedoen is een dienst van Gemeente Emmen.')
      await expect(footer.getByRole('link', { name: 'meedoen@emmen.nl' })).toHaveAttribute('href', 'mailto:meedoen@emmen.nl')
      await expect(footer.getByRole('link', { name: '14 0591' })).toHaveAttribute('href', 'tel:140591')
      await footer.getByRole('link', { name: 'Toegankelijkheid' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible()
      await expect(page).toHaveTitle('Toegankelijkheidsverklaring · Meedoen · Gemeente Emmen')
      await page.getByRole('contentinfo').getByRole('link', { name: 'Programma op papier' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Programma op papier' })).toBeVisible()
    })
  })
}

test('the colours are Emmen’s token set, on every control, and the font is the served Noto Sans', async ({ page }) => {
  await page.goto('/programma')
  await settled(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'emmen')
  const look = await page.evaluate(async () => {
    await document.fonts.ready
    const style = (el: Element | null) => (el ? getComputedStyle(el) : null)
    return {
      header: style(document.querySelector('.meedoen-header'))?.backgroundColor,
      button: style(document.querySelector('main .utrecht-button--primary-action'))?.backgroundColor,
      accent: style(document.body)?.accentColor,
      heading: style(document.querySelector('h1'))?.fontFamily,
      noto: document.fonts.check('600 16px "Noto Sans"') && [...document.fonts].some((f) => f.family.replaceAll('"', '') === 'Noto Sans' && f.status === 'loaded'),
    }
  })
  expect(look.header).toBe('rgb(91, 42, 110)')
  expect(look.button).toBe('rgb(91, 42, 110)')
  expect(look.accent).toBe('rgb(91, 42, 110)')
  expect(look.heading).toContain('Noto Sans')
  expect(look.noto).toBe(true)
})

test('at 1280 px the header lines up with the page content', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  await settled(page)
  const left = await page.evaluate(() => ({
    header: document.querySelector('.meedoen-logo')?.getBoundingClientRect().left ?? -1,
    content: document.querySelector('main h1')?.getBoundingClientRect().left ?? -2,
    footer: document.querySelector('.meedoen-footer__title')?.getBoundingClientRect().left ?? -3,
  }))
  expect(Math.abs(left.header - left.content)).toBeLessThanOrEqual(1)
  expect(Math.abs(left.footer - left.content)).toBeLessThanOrEqual(1)
})

test('the programme lists the occurrences in words and prints as large black-on-white sheets without the chrome', async ({ page }) => {
  await openProgramme(page)
  const sheet = page.getByRole('region', { name: 'Emmerhout' })
  await expect(sheet).toContainText('Gemeente Emmen · Meedoen')
  await expect(sheet.getByRole('heading', { level: 3, name: 'Taalmaatje worden' })).toBeVisible()
  await expect(sheet.getByText(/^donderdag \d{1,2} [a-z]+, 19:00–20:30$/).first()).toBeVisible()
  await expect(sheet).toContainText('Houtweg 30, Emmen')
  await expect(sheet).toContainText('Stichting Taalcafé Samen Verder')
  await expect(sheet).toContainText('0591 620418')
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible()

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden()
  await expect(page.getByRole('contentinfo')).toBeHidden()
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden()
  await expect(page.getByLabel('Wijk of gebied')).toBeHidden()
  const printed = await sheet.evaluate((el) => {
    const style = getComputedStyle(el)
    const link = el.querySelector('a')
    return {
      fontSize: parseFloat(style.fontSize),
      color: style.color,
      linkColor: link ? getComputedStyle(link).color : 'rgb(0, 0, 0)',
      linkUnderline: link ? getComputedStyle(link).textDecorationLine : 'none',
      linkAfter: link ? getComputedStyle(link, '::after').content : 'none',
    }
  })
  // 14pt is 18.67 CSS px.
  expect(printed.fontSize).toBeGreaterThanOrEqual(18.6)
  expect(printed.color).toBe('rgb(0, 0, 0)')
  expect(printed.linkColor).toBe('rgb(0, 0, 0)')
  expect(printed.linkUnderline).toBe('none')
  expect(['none', 'normal']).toContain(printed.linkAfter)
  await page.emulateMedia({ media: 'screen' })
})

test('a larger area prints one page per district', async ({ page }) => {
  await page.goto('/programma')
  await settled(page)
  const district = page.getByLabel('Wijk of gebied')
  await district.selectOption((await district.locator('option', { hasText: 'Emmen Noord' }).getAttribute('value')) ?? '')
  const period = page.getByLabel('Week of maand')
  await period.selectOption((await period.locator('optgroup').nth(1).locator('option').first().getAttribute('value')) ?? '')
  await page.getByRole('button', { name: 'Programma maken' }).click()
  const sheets = page.locator('.meedoen-programme__sheet')
  await expect(sheets.first()).toBeVisible()
  expect(await sheets.count()).toBeGreaterThan(1)
  await expect(page.getByRole('status')).toContainText('één per wijk')
  await page.emulateMedia({ media: 'print' })
  expect(await sheets.nth(1).evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page')
  await page.emulateMedia({ media: 'screen' })
})

test('the worker prints a resident’s offers on their own, without the profile', async ({ page }) => {
  await signIn(page, DEMO_WORKER.email, DEMO_WORKER.password)
  await openJansProfile(page)
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes')
  })
  await page.getByRole('button', { name: 'Afdrukken' }).click()
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')
  const paper = page.locator('body > .meedoen-print-portal')
  await expect(paper).toContainText('Activiteiten voor Jan Bewoner')
  await expectNoAxeViolations(page)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('#root')).toBeHidden()
  await expect(paper.getByRole('heading', { level: 2, name: 'Activiteiten voor Jan Bewoner' })).toBeVisible()
  await page.emulateMedia({ media: 'screen' })
})
