// The worker's main pages for the layout, accessibility and screenshot loops (part of MAIN_PAGES in e2e/pages.ts).
// They only read; opening a resident's profile does add a line to that resident's "Wie keek er mee", as any look does.
import type { Page } from '@playwright/test'
import { DEMO_WORKER, expect, settled, signIn } from './fixtures'
import type { MainPage } from './pages'

async function asWorker(page: Page, path: string): Promise<void> {
  await signIn(page, DEMO_WORKER.email, DEMO_WORKER.password, path)
  await expect(page).toHaveURL(new RegExp(`${path.replaceAll('/', '\\/')}$`))
}

/** Opens Jan Bewoner's profile through the search, with the ranked offers loaded. */
export async function openJansProfile(page: Page): Promise<void> {
  await page.goto('/worker/residents?q=Jan')
  await page.getByRole('link', { name: 'Jan Bewoner' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jan Bewoner' })).toBeVisible()
  await expect(page.locator('main .meedoen-worker__ranked .meedoen-card').first()).toBeVisible()
  await settled(page)
}

export const WORKER_PAGES: MainPage[] = [
  {
    name: 'worker-home',
    signedIn: true,
    open: async (page) => {
      await asWorker(page, '/worker')
      await expect(page.getByText('Emmen Noord')).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'worker-residents',
    signedIn: true,
    open: async (page) => {
      await asWorker(page, '/worker/residents')
      await expect(page.getByRole('link', { name: 'Jan Bewoner' })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'worker-resident',
    signedIn: true,
    open: async (page) => {
      await asWorker(page, '/worker/residents')
      await openJansProfile(page)
    },
  },
  {
    name: 'worker-assignments',
    signedIn: true,
    open: async (page) => {
      await asWorker(page, '/worker/assignments')
      await expect(page.getByLabel('Wijk of gebied')).toHaveValue(/.+/)
      await settled(page)
    },
  },
  {
    name: 'worker-referrals',
    signedIn: true,
    open: async (page) => {
      await asWorker(page, '/worker/referrals')
      await expect(page.locator('main .meedoen-card').first().or(page.getByText('Je hebt nog geen voorstellen gedaan.'))).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'worker-follow-ups',
    signedIn: true,
    open: async (page) => {
      await asWorker(page, '/worker/follow-ups')
      await expect(page.locator('main .meedoen-card').first().or(page.getByText('Er is nu niets om na te vragen.'))).toBeVisible()
      await settled(page)
    },
  },
]
