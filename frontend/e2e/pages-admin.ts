// The admin pages for the layout, accessibility and screenshot checks (part of MAIN_PAGES in e2e/pages.ts).
// The openers only read: they sign in as the demo admin and wait until each page's content is there.
import type { Page } from '@playwright/test'
import { DEMO_ADMIN, expect, settled, signIn } from './fixtures'
import type { MainPage } from './pages'

async function openAdmin(page: Page, path: string, heading: string): Promise<void> {
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password, path)
  await expect(page).toHaveURL(new RegExp(`${path.replace('?', '\\?')}$`))
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await settled(page)
}

export const ADMIN_PAGES: MainPage[] = [
  {
    name: 'admin',
    signedIn: true,
    open: async (page) => {
      await openAdmin(page, '/admin', 'Beheer')
      await expect(page.getByRole('link', { name: 'Wijkwerkers' })).toBeVisible()
    },
  },
  {
    name: 'admin-districts',
    signedIn: true,
    open: async (page) => {
      await openAdmin(page, '/admin/districts', 'Wijken en gebieden')
      await expect(page.locator('main .admin-tree__name', { hasText: 'Emmerhout' }).first()).toBeVisible()
    },
  },
  {
    name: 'admin-tags',
    signedIn: true,
    open: async (page) => {
      await openAdmin(page, '/admin/tags', 'Labels')
      await expect(page.locator('main .admin-rows__item').first()).toBeVisible()
    },
  },
  {
    name: 'admin-organisations',
    signedIn: true,
    open: async (page) => {
      await openAdmin(page, '/admin/organisations', 'Organisaties controleren')
      await expect(page.locator('main .meedoen-card').first().or(page.getByText('Er wachten nu geen organisaties op controle.'))).toBeVisible()
    },
  },
  {
    name: 'admin-workers',
    signedIn: true,
    open: async (page) => {
      await openAdmin(page, '/admin/workers', 'Wijkwerkers')
      await expect(page.getByRole('heading', { level: 3, name: 'Fatma (wijkwerker)' })).toBeVisible()
    },
  },
]
