// The main pages the layout, accessibility and screenshot checks visit.
import type { Page } from '@playwright/test'
import { DEMO_RESIDENT, expect, settled, signIn } from './fixtures'
import { ADMIN_PAGES } from './pages-admin'
import { ORGANISATION_PAGES } from './pages-organisation'
import { WORKER_PAGES } from './pages-worker'

export interface MainPage {
  name: string
  /** Opens the page and waits until its content is there. */
  open: (page: Page) => Promise<void>
  signedIn?: boolean
}

/** An open offer everyone can see (Emmerhout, volunteer work). */
export async function openOfferDetail(page: Page, title = 'Taalmaatje worden'): Promise<void> {
  await page.goto('/offers?q=' + encodeURIComponent(title))
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await settled(page)
}

const PUBLIC_AND_RESIDENT_PAGES: MainPage[] = [
  {
    name: 'home',
    open: async (page) => {
      await page.goto('/')
      await settled(page)
    },
  },
  {
    name: 'offers',
    open: async (page) => {
      await page.goto('/offers')
      await expect(page.locator('main .meedoen-card').first()).toBeVisible()
      await settled(page)
    },
  },
  { name: 'offer-detail', open: (page) => openOfferDetail(page) },
  {
    name: 'sign-in',
    open: async (page) => {
      await page.goto('/login')
      await settled(page)
    },
  },
  {
    name: 'register',
    open: async (page) => {
      await page.goto('/register')
      await settled(page)
    },
  },
  {
    // The check page of a participation statement, with its form to type a code (a code's own page depends on a
    // statement: statements.spec.ts checks it).
    name: 'verify-statement',
    open: async (page) => {
      await page.goto('/verklaring')
      await expect(page.getByLabel('Code van de verklaring')).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'my-activities',
    signedIn: true,
    open: async (page) => {
      await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/my-activities')
      await expect(page).toHaveURL(/\/my-activities$/)
      await settled(page)
    },
  },
  {
    name: 'profile',
    signedIn: true,
    open: async (page) => {
      await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/profile')
      await expect(page.getByRole('group', { name: 'Waar woon je?' })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'for-you',
    signedIn: true,
    open: async (page) => {
      await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/for-you')
      await expect(page.locator('main .meedoen-card').first()).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'my-referrals',
    signedIn: true,
    open: async (page) => {
      await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/my-referrals')
      await expect(page.getByRole('heading', { level: 1, name: 'Voorstellen' })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'access-log',
    signedIn: true,
    open: async (page) => {
      await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password, '/access-log')
      await expect(page.getByRole('heading', { level: 1, name: 'Wie keek er mee' })).toBeVisible()
      await settled(page)
    },
  },
]

/** Every main page: the public and resident ones, then those of organisations, workers and admins. */
export const MAIN_PAGES: MainPage[] = [...PUBLIC_AND_RESIDENT_PAGES, ...ORGANISATION_PAGES, ...WORKER_PAGES, ...ADMIN_PAGES]
