// The organisation pages for the layout, accessibility and screenshot loops. The openers only read.
import type { Page } from '@playwright/test'
import { DEMO_ORGANISER, expect, settled, signIn } from './fixtures'
import type { MainPage } from './pages'

/** Signs in as the demo organiser and opens Sportvereniging Emmerhout from "Mijn organisatie". */
export async function openDemoOrganisation(page: Page, name = 'Sportvereniging Emmerhout'): Promise<void> {
  await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, '/organisation')
  await page.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Leden' })).toBeVisible()
  await expect(page.locator('main .meedoen-card').first()).toBeVisible()
  await settled(page)
}

export const ORGANISATION_PAGES: MainPage[] = [
  {
    name: 'organisation-list',
    signedIn: true,
    open: async (page) => {
      await signIn(page, DEMO_ORGANISER.email, DEMO_ORGANISER.password, '/organisation')
      await expect(page.getByRole('heading', { level: 1, name: 'Mijn organisatie' })).toBeVisible()
      await expect(page.getByRole('group', { name: 'Waar zijn jullie actief?' })).toBeVisible()
      await settled(page)
    },
  },
  { name: 'organisation-detail', signedIn: true, open: (page) => openDemoOrganisation(page) },
  {
    name: 'organisation-offer-new',
    signedIn: true,
    open: async (page) => {
      await openDemoOrganisation(page)
      await page.getByRole('link', { name: 'Nieuwe activiteit maken' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' })).toBeVisible()
      await expect(page.getByLabel('Titel')).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'organisation-signups',
    signedIn: true,
    open: async (page) => {
      await openDemoOrganisation(page, 'Stadsboerderij De Esch')
      await page.getByRole('link', { name: 'Aanmeldingen bekijken voor Gastvrouw of gastheer in het boerderijwinkeltje' }).click()
      await expect(page.getByRole('heading', { level: 2, name: /^Wachtlijst/ })).toBeVisible()
      await settled(page)
    },
  },
]
