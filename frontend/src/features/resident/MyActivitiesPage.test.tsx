import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setTokens } from '../../api/session'
import { offer } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { problem, stubApi } from '../../test/stubApi'
import MyActivitiesPage from './MyActivitiesPage'

const TITLE = 'Walking football voor 60-plussers'
const signup = {
  id: 's1',
  status: 'accepted',
  with_companion: false,
  message: null,
  waitlist_position: null,
  created_at: '2026-11-25T11:59:47Z',
  updated_at: '2026-11-25T11:59:47Z',
  offer: offer(),
}

/** One accepted sign-up; returns the withdrawals sent. */
function stubSignups() {
  const calls = stubApi({
    'GET /api/v1/me/signups': { items: [signup], next_cursor: null },
    'PATCH /api/v1/signups/s1': { id: 's1', status: 'withdrawn', waitlist_position: null },
  })
  return () => calls.filter((c) => c.method === 'PATCH')
}

describe('MyActivitiesPage', () => {
  it('links each sign-up to its messages with the organisation', async () => {
    setTokens({ access: 'a' })
    stubSignups()
    renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
    const link = await screen.findByRole('link', { name: `Berichten over ${TITLE}` })
    expect(link).toHaveAttribute('href', '/conversations/signup/s1')
    expect(link).toHaveTextContent('Berichten')
  })

  it('asks before withdrawing: the focus goes to the question, "no" sends nothing and gives the focus back', async () => {
    setTokens({ access: 'a' })
    const withdrawals = stubSignups()
    renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
    const opener = await screen.findByRole('button', { name: `Afmelden voor ${TITLE}` })
    await userEvent.click(opener)

    const question = screen.getByText(`Weet je het zeker? Je meldt je dan af voor ${TITLE}.`)
    expect(question).toHaveFocus()
    const group = screen.getByRole('group', { name: `Weet je het zeker? Je meldt je dan af voor ${TITLE}.` })
    expect(within(group).getByRole('button', { name: 'Ja, afmelden' })).toBeInTheDocument()
    expect(withdrawals()).toHaveLength(0)

    await userEvent.click(within(group).getByRole('button', { name: 'Nee, toch niet' }))
    expect(screen.queryByRole('group', { name: /Weet je het zeker/ })).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: `Afmelden voor ${TITLE}` })).toHaveFocus())

    // With the keyboard: Enter opens the question, Escape closes it again.
    await userEvent.keyboard('{Enter}')
    expect(screen.getByText(/Weet je het zeker\?/)).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.getByRole('button', { name: `Afmelden voor ${TITLE}` })).toHaveFocus())
    expect(withdrawals()).toHaveLength(0)
  })

  it('withdraws after "yes" and moves the focus to the message', async () => {
    setTokens({ access: 'a' })
    const withdrawals = stubSignups()
    renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
    await userEvent.click(await screen.findByRole('button', { name: `Afmelden voor ${TITLE}` }))
    await userEvent.click(screen.getByRole('button', { name: 'Ja, afmelden' }))

    const done = await screen.findByText(`Je bent afgemeld voor ${TITLE}.`)
    await waitFor(() => expect(done.closest('.utrecht-alert')).toHaveFocus())
    expect(withdrawals()).toEqual([expect.objectContaining({ path: '/api/v1/signups/s1', body: { status: 'withdrawn' } })])
    expect(screen.queryByRole('button', { name: `Afmelden voor ${TITLE}` })).not.toBeInTheDocument()
  })

  describe('calendar', () => {
    afterEach(() => {
      Reflect.deleteProperty(URL, 'createObjectURL')
      Reflect.deleteProperty(URL, 'revokeObjectURL')
    })

    it('downloads the sign-up as meedoen.ics with the access token', async () => {
      setTokens({ access: 'a' })
      const calls = stubApi({
        'GET /api/v1/me/signups': { items: [signup], next_cursor: null },
        'GET /api/v1/signups/s1/calendar.ics': new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', {
          headers: { 'Content-Type': 'text/calendar' },
        }),
      })
      const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:meedoen/1')
      const revokeObjectURL = vi.fn()
      Object.assign(URL, { createObjectURL, revokeObjectURL })
      const clicked: { href: string; download: string }[] = []
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download })
      })
      renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })

      await userEvent.click(await screen.findByRole('button', { name: `Zet in je agenda: ${TITLE}` }))

      await waitFor(() => expect(clicked).toEqual([{ href: 'blob:meedoen/1', download: 'meedoen.ics' }]))
      const request = calls.find((c) => c.path === '/api/v1/signups/s1/calendar.ics')
      expect(request).toMatchObject({ method: 'GET', authorization: 'Bearer a' })
      expect(await createObjectURL.mock.calls[0]![0].text()).toContain('BEGIN:VCALENDAR')
      await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:meedoen/1'))
    })

    it('shows an error when the calendar file cannot be fetched', async () => {
      setTokens({ access: 'a' })
      stubApi({
        'GET /api/v1/me/signups': { items: [signup], next_cursor: null },
        'GET /api/v1/signups/s1/calendar.ics': problem(503, 'service_unavailable'),
      })
      renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
      await userEvent.click(await screen.findByRole('button', { name: `Zet in je agenda: ${TITLE}` }))
      expect(await screen.findByRole('alert')).toBeInTheDocument()
    })

    it('shows the feed link only on request, and copies it', async () => {
      const user = userEvent.setup()
      setTokens({ access: 'a' })
      const calls = stubApi({
        'GET /api/v1/me/signups': { items: [signup], next_cursor: null },
        'GET /api/v1/me/calendar': { url: 'https://meedoen.test/api/v1/calendar/old.ics' },
      })
      renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
      expect(await screen.findByRole('heading', { level: 2, name: 'Je agenda koppelen' })).toBeInTheDocument()
      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1)
      expect(calls.some((c) => c.path === '/api/v1/me/calendar')).toBe(false)

      await user.click(screen.getByRole('button', { name: 'Link tonen' }))
      const field = await screen.findByRole('textbox', { name: 'Link voor je agenda' })
      expect(field).toHaveValue('https://meedoen.test/api/v1/calendar/old.ics')
      expect(field).toHaveAttribute('readonly')
      expect(field).toHaveAccessibleDescription(/iedereen die deze link heeft, ziet je activiteiten/)
      expect(calls.find((c) => c.path === '/api/v1/me/calendar')).toMatchObject({ method: 'GET', authorization: 'Bearer a' })

      await user.click(screen.getByRole('button', { name: 'Kopieer link' }))
      expect(await screen.findByText('De link is gekopieerd.')).toBeInTheDocument()
      expect(await navigator.clipboard.readText()).toBe('https://meedoen.test/api/v1/calendar/old.ics')
    })

    it('asks before making a new link, then shows it', async () => {
      setTokens({ access: 'a' })
      const calls = stubApi({
        'GET /api/v1/me/signups': { items: [signup], next_cursor: null },
        'GET /api/v1/me/calendar': { url: 'https://meedoen.test/api/v1/calendar/old.ics' },
        'POST /api/v1/me/calendar/rotate': { url: 'https://meedoen.test/api/v1/calendar/new.ics' },
      })
      const rotations = () => calls.filter((c) => c.path === '/api/v1/me/calendar/rotate')
      renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
      await userEvent.click(await screen.findByRole('button', { name: 'Link tonen' }))
      await screen.findByRole('textbox', { name: 'Link voor je agenda' })

      await userEvent.click(screen.getByRole('button', { name: 'Nieuwe link maken' }))
      const question = screen.getByText('Weet je het zeker? De oude link werkt dan niet meer.')
      expect(question).toHaveFocus()
      await userEvent.click(screen.getByRole('button', { name: 'Nee, toch niet' }))
      await waitFor(() => expect(screen.getByRole('button', { name: 'Nieuwe link maken' })).toHaveFocus())
      expect(rotations()).toHaveLength(0)

      await userEvent.click(screen.getByRole('button', { name: 'Nieuwe link maken' }))
      await userEvent.click(screen.getByRole('button', { name: 'Ja, nieuwe link maken' }))
      await waitFor(() =>
        expect(screen.getByRole('textbox', { name: 'Link voor je agenda' })).toHaveValue('https://meedoen.test/api/v1/calendar/new.ics'),
      )
      expect(rotations()).toEqual([expect.objectContaining({ method: 'POST', authorization: 'Bearer a' })])
      const done = screen.getByText(/Je hebt een nieuwe link\. De oude link werkt niet meer\./)
      await waitFor(() => expect(done.closest('.utrecht-alert')).toHaveFocus())
    })
  })
})
