import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setTokens } from '../../api/session'
import { i18n } from '../../i18n'
import { clockAt } from '../../test/clock'
import { session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import MyParticipationPage from '../attendance/MyParticipationPage'
import { StatementsSection } from './StatementsSection'
import type { MyStatement } from './types'

// Thursday 10 December 2026, 13:00 in Emmen.
clockAt('2026-12-10T12:00:00Z')

function statement(code: string, overrides: Partial<MyStatement> = {}): MyStatement {
  return {
    code,
    pdf_url: `/api/v1/me/statements/${code}.pdf`,
    from: '2026-10-01',
    to: '2026-12-10',
    lang: 'nl',
    created_at: '2026-12-10T12:00:00Z',
    revoked: false,
    sessions_present: 7,
    hours: 17.5,
    ...overrides,
  }
}

const EARLIER = statement('3MZ8R-QW2KD', { from: '2026-09-01', to: '2026-09-30', lang: 'en', created_at: '2026-10-02T08:30:00Z', sessions_present: 1, hours: 1 })
const REVOKED = statement('9HT4C-V6N1P', { from: '2026-07-01', to: '2026-07-31', created_at: '2026-08-03T14:15:00Z', revoked: true, sessions_present: 3, hours: 4.5 })

function render(routes: Routes = {}) {
  setTokens({ access: 'a' })
  const calls = stubApi({
    'GET /api/v1/me': session(),
    'GET /api/v1/me/statements': { items: [EARLIER, REVOKED] },
    ...routes,
  })
  renderWithProviders(<StatementsSection from="2026-10-01" to="2026-12-31" />, { path: '/my-participation' })
  return calls
}

/** Catches what saveFile clicks, and the blob it saves. */
function catchDownloads() {
  const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:meedoen/pdf')
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
  const clicked: { href: string; download: string }[] = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download })
  })
  return { clicked, createObjectURL }
}

const pdf = () => new Response('%PDF-1.7\n', { headers: { 'Content-Type': 'application/pdf' } })

/** The facts of one listed statement, as "term: value". */
function facts(item: HTMLElement): string[] {
  return [...item.querySelectorAll('dl > div')].map((row) => `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`)
}

describe('StatementsSection', () => {
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
    vi.restoreAllMocks()
  })

  it('explains the statement, for the period of the page up to today, and lists the earlier ones with their codes', async () => {
    render()
    const section = screen.getByRole('region', { name: 'Verklaring voor je klantmanager' })
    expect(within(section).getByText(/^Heb je een klantmanager\? Of solliciteer je ergens\?/)).toBeInTheDocument()
    expect(within(section).getByText('De verklaring gaat over 1 oktober 2026 tot en met 10 december 2026. Wil je een andere periode? Kies die hierboven.')).toBeInTheDocument()
    expect(within(section).getByRole('radio', { name: 'Nederlands' })).toBeChecked()
    expect(within(section).getByRole('radio', { name: 'English' })).not.toBeChecked()
    expect(within(section).getByRole('button', { name: 'Verklaring maken' })).toHaveAccessibleDescription(/^De verklaring gaat over 1 oktober 2026/)

    const list = await within(section).findByRole('list', { name: 'Je verklaringen' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent(/^1 september 2026 tot en met 30 september 2026/)
    expect(facts(items[0]!)).toEqual([
      'Gemaakt op: 2 oktober 2026 om 10:30',
      'Code: 3MZ8R-QW2KD',
      'Taal: English',
      'Op de verklaring: 1 keer aanwezig, 1 uur',
      'Controleren: Kan met de code',
    ])
    expect(within(items[0]!).getByRole('button', { name: 'Download de verklaring met code 3MZ8R-QW2KD (PDF)' })).toBeInTheDocument()
    expect(within(items[0]!).getByRole('button', { name: 'Code intrekken: 3MZ8R-QW2KD' })).toBeInTheDocument()
    // A revoked code can be downloaded still (it is the resident's), not revoked again.
    expect(facts(items[1]!)).toContain('Controleren: Ingetrokken: de code werkt niet meer')
    expect(within(items[1]!).getByRole('button', { name: 'Download de verklaring met code 9HT4C-V6N1P (PDF)' })).toBeInTheDocument()
    expect(within(items[1]!).queryByRole('button', { name: /^Code intrekken/ })).not.toBeInTheDocument()
  })

  it('makes a statement in the chosen language; its code takes the focus, its PDF downloads with the access token', async () => {
    const made = statement('7K4PQ-2XWM9', { lang: 'en' })
    const calls = render({
      'POST /api/v1/me/statements': jsonResponse(made, 201),
      'GET /api/v1/me/statements/7K4PQ-2XWM9.pdf': pdf(),
    })
    const { clicked, createObjectURL } = catchDownloads()
    await screen.findByRole('list', { name: 'Je verklaringen' })
    await userEvent.click(screen.getByRole('radio', { name: 'English' }))
    await userEvent.click(screen.getByRole('button', { name: 'Verklaring maken' }))

    const status = await screen.findByRole('status')
    expect(status).toHaveTextContent('Je verklaring is klaar. De code is 7K4PQ-2XWM9.')
    await waitFor(() => expect(status.closest('.meedoen-statements__status')).toHaveFocus())
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts).toEqual([expect.objectContaining({ path: '/api/v1/me/statements', body: { from: '2026-10-01', to: '2026-12-10', lang: 'en' }, authorization: 'Bearer a' })])
    // The new one heads the list.
    const items = within(screen.getByRole('list', { name: 'Je verklaringen' })).getAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(facts(items[0]!)).toContain('Code: 7K4PQ-2XWM9')

    await userEvent.click(screen.getByRole('button', { name: 'Download de verklaring (PDF)' }))
    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:meedoen/pdf', download: 'verklaring-meedoen-7K4PQ-2XWM9.pdf' }]))
    expect(calls.find((c) => c.method === 'GET' && c.path.endsWith('.pdf'))).toMatchObject({ path: made.pdf_url, authorization: 'Bearer a' })
    expect(await createObjectURL.mock.calls[0]![0].text()).toMatch(/^%PDF-/)
  })

  it('downloads an earlier statement from the list', async () => {
    const calls = render({ 'GET /api/v1/me/statements/3MZ8R-QW2KD.pdf': pdf() })
    const { clicked } = catchDownloads()
    await userEvent.click(await screen.findByRole('button', { name: 'Download de verklaring met code 3MZ8R-QW2KD (PDF)' }))
    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:meedoen/pdf', download: 'verklaring-meedoen-3MZ8R-QW2KD.pdf' }]))
    expect(calls.find((c) => c.path === EARLIER.pdf_url)).toMatchObject({ method: 'GET', authorization: 'Bearer a' })
  })

  it('says so when a download fails', async () => {
    render({ 'GET /api/v1/me/statements/3MZ8R-QW2KD.pdf': problem(503, 'service_unavailable') })
    catchDownloads()
    await userEvent.click(await screen.findByRole('button', { name: 'Download de verklaring met code 3MZ8R-QW2KD (PDF)' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Meedoen is even druk.')
  })

  it('revokes a code only after the inline question; the outcome takes the focus', async () => {
    const calls = render({ 'DELETE /api/v1/statements/3MZ8R-QW2KD': () => new Response(null, { status: 204 }) })
    await userEvent.click(await screen.findByRole('button', { name: 'Code intrekken: 3MZ8R-QW2KD' }))
    const question = screen.getByText(/^Wil je de code 3MZ8R-QW2KD intrekken\?/)
    expect(question).toHaveFocus()
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([])

    // "No" gives the focus back to the button.
    await userEvent.click(screen.getByRole('button', { name: 'Nee, niet intrekken' }))
    const opener = screen.getByRole('button', { name: 'Code intrekken: 3MZ8R-QW2KD' })
    await waitFor(() => expect(opener).toHaveFocus())

    await userEvent.click(opener)
    await userEvent.click(screen.getByRole('button', { name: 'Ja, code intrekken' }))
    const done = await screen.findByText('De code 3MZ8R-QW2KD is ingetrokken. Niemand kan deze verklaring nog controleren.')
    await waitFor(() => expect(done.closest('.utrecht-alert')).toHaveFocus())
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([expect.objectContaining({ path: '/api/v1/statements/3MZ8R-QW2KD', authorization: 'Bearer a' })])
    const item = done.closest('li') as HTMLElement
    expect(facts(item)).toContain('Controleren: Ingetrokken: de code werkt niet meer')
    expect(within(item).queryByRole('button', { name: /^Code intrekken/ })).not.toBeInTheDocument()
  })

  it('says in words when the period is too long', async () => {
    render({ 'POST /api/v1/me/statements': problem(422, 'validation_failed', [{ field: 'to', code: 'out_of_range' }]) })
    await userEvent.click(screen.getByRole('button', { name: 'Verklaring maken' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Een verklaring gaat over hoogstens 366 dagen. Kies een kortere periode.')
  })

  it('says when there are no statements yet', async () => {
    render({ 'GET /api/v1/me/statements': { items: [] } })
    expect(await screen.findByText('Je hebt nog geen verklaring gemaakt.')).toBeInTheDocument()
  })

  it('speaks English, and makes an English statement by default', async () => {
    await i18n.changeLanguage('en')
    const calls = render({ 'POST /api/v1/me/statements': jsonResponse(statement('7K4PQ-2XWM9', { lang: 'en' }), 201) })
    expect(screen.getByRole('heading', { level: 2, name: 'Statement for your case manager' })).toBeInTheDocument()
    expect(screen.getByText('The statement covers 1 October 2026 to 10 December 2026. Do you want another period? Choose it above.')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked()
    const list = await screen.findByRole('list', { name: 'Your statements' })
    expect(facts(within(list).getAllByRole('listitem')[0]!)).toContain('On the statement: present 1 time, 1 hour')
    await userEvent.click(screen.getByRole('button', { name: 'Make a statement' }))
    expect(await screen.findByText('Your statement is ready. The code is 7K4PQ-2XWM9.')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ from: '2026-10-01', to: '2026-12-10', lang: 'en' })
    expect(screen.getByRole('button', { name: 'Download the statement (PDF)' })).toBeInTheDocument()
  })

  it('is the last section of "Mijn deelname", for the period chosen there', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      'GET /api/v1/me': session(),
      'GET /api/v1/me/participation': (call) => {
        const query = new URLSearchParams(call.search)
        return jsonResponse({ from: query.get('from'), to: query.get('to'), sessions_present: 0, hours: 0, items: [], months: [], records: [] })
      },
      'GET /api/v1/me/statements': { items: [] },
      'POST /api/v1/me/statements': jsonResponse(statement('7K4PQ-2XWM9', { from: '2026-12-01' }), 201),
    })
    renderWithProviders(<MyParticipationPage />, { path: '/my-participation?period=month', route: '/my-participation' })
    const section = screen.getByRole('region', { name: 'Verklaring voor je klantmanager' })
    expect(within(section).getByText(/^De verklaring gaat over 1 december 2026 tot en met 10 december 2026\./)).toBeInTheDocument()
    await userEvent.click(within(section).getByRole('button', { name: 'Verklaring maken' }))
    await screen.findByText('Je verklaring is klaar. De code is 7K4PQ-2XWM9.')
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ from: '2026-12-01', to: '2026-12-10', lang: 'nl' })
  })
})
