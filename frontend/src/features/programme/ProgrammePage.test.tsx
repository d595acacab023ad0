import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { DistrictNode } from '../../api/types'
import { i18n } from '../../i18n'
import { clockAt } from '../../test/clock'
import { districtTree, offer, site } from '../../test/fixtures'
import { jsonResponse } from '../../test/render'
import { renderApp } from '../../test/renderApp'
import { problem, stubApi, type Routes } from '../../test/stubApi'

/** The demo tree with a second district, Emmermeer, in Emmen Noord. */
const tree: DistrictNode[] = structuredClone(districtTree)
tree[0]!.children[0]!.children.push({ id: 'd2', parent_id: 'a1', kind: 'district', name: 'Emmermeer', code: null, retired: false, children: [] })

const football = offer({ id: 'o1', title: 'Walking football', kind: 'day_activity', district_id: 'd1', district_name: 'Emmerhout', organisation_id: 'org1' })
const taalcafe = offer({ id: 'o3', title: 'Taalcafé', kind: 'course', district_id: 'd1', district_name: 'Emmerhout', organisation_id: 'org1' })
const garden = offer({
  id: 'o2',
  title: 'Moestuin Emmermeer',
  kind: 'urban_farming',
  district_id: 'd2',
  district_name: 'Emmermeer',
  organisation_id: 'org2',
  organisation_name: 'Stadsboerderij De Esch',
  address: '',
})

function occurrence(id: string, startsAt: string, endsAt: string, cancelled = false) {
  return { id, starts_at: startsAt, ends_at: endsAt, cancelled, reason: cancelled ? 'De trainer is ziek.' : null }
}

/** The API of the programme: two pages of offers, their occurrences (one cancelled) and one organisation. */
function programmeApi(more: Routes = {}): Routes {
  return {
    'GET /api/v1/site': site(),
    'GET /api/v1/districts': { items: tree },
    // Emmen Noord's in two pages; Emmerhout's in one.
    'GET /api/v1/offers': (call) =>
      jsonResponse(
        call.search.includes('district=d1')
          ? { items: [football, taalcafe], next_cursor: null }
          : call.search.includes('cursor=c2')
            ? { items: [garden], next_cursor: null }
            : { items: [football, taalcafe], next_cursor: 'c2' },
      ),
    'GET /api/v1/offers/o1/occurrences': {
      items: [
        occurrence('o1-3', '2026-12-12T13:00:00Z', '2026-12-12T14:30:00Z'),
        occurrence('o1-1', '2026-12-08T09:00:00Z', '2026-12-08T11:00:00Z'),
        occurrence('o1-2', '2026-12-10T09:00:00Z', '2026-12-10T11:00:00Z', true),
      ],
    },
    'GET /api/v1/offers/o2/occurrences': { items: [occurrence('o2-1', '2026-12-09T13:00:00Z', '2026-12-09T15:00:00Z')] },
    'GET /api/v1/offers/o3/occurrences': { items: [] },
    'GET /api/v1/organisations/org1': {
      id: 'org1',
      name: 'Sportvereniging Emmerhout',
      kind: 'association',
      description: '',
      contact_email: 'info@sv-emmerhout.nl',
      contact_phone: '0591 123 456',
      website: null,
      status: 'verified',
      district_ids: ['d1'],
    },
    'GET /api/v1/organisations/org2': problem(404, 'not_found'),
    ...more,
  }
}

const sheet = (name: string) => within(screen.getByRole('region', { name }))

// Tuesday 8 December 2026, in the afternoon: this week runs from 7 to 13 December.
clockAt('2026-12-08T12:00:00Z')

describe('ProgrammePage', () => {
  it('prints one sheet per district with every occurrence in words, leaving out cancelled ones', async () => {
    const calls = stubApi(programmeApi())
    renderApp('/programma?district=a1&period=2026-12-07')

    const emmerhout = await screen.findByRole('region', { name: 'Emmerhout' })
    expect(screen.getByRole('status')).toHaveTextContent('Het programma is 2 pagina’s: één per wijk.')
    const [first, second] = screen.getAllByRole('region').filter((r) => r.classList.contains('meedoen-programme__sheet'))
    expect(first).toBe(emmerhout)
    expect(second).toHaveAccessibleName('Emmermeer')

    const hout = sheet('Emmerhout')
    expect(hout.getByText('Gemeente Emmen · Meedoen')).toBeInTheDocument()
    expect(hout.getByText('7 t/m 13 december 2026')).toBeInTheDocument()
    expect(hout.getByRole('heading', { level: 3, name: 'Walking football' })).toBeInTheDocument()
    expect(hout.getByText('Dagbesteding')).toBeInTheDocument()
    const dates = hout.getAllByRole('listitem').filter((li) => li.closest('.meedoen-programme__dates'))
    expect(dates.map((li) => li.textContent)).toEqual(['dinsdag 8 december, 10:00–12:00', 'zaterdag 12 december, 14:00–15:30'])
    expect(hout.queryByText(/donderdag 10 december/)).not.toBeInTheDocument()
    expect(hout.getByText('Sportpark Emmerhout, Houtweg 2, Emmen')).toBeInTheDocument()
    expect(hout.getByText('Sportvereniging Emmerhout')).toBeInTheDocument()
    expect(hout.getByRole('link', { name: '0591 123 456' })).toHaveAttribute('href', 'tel:0591123456')
    expect(hout.getByRole('link', { name: 'info@sv-emmerhout.nl' })).toHaveAttribute('href', 'mailto:info@sv-emmerhout.nl')
    // No date in the week: not in the programme.
    expect(screen.queryByRole('heading', { name: 'Taalcafé' })).not.toBeInTheDocument()

    const meer = sheet('Emmermeer')
    expect(meer.getByRole('heading', { level: 3, name: 'Moestuin Emmermeer' })).toBeInTheDocument()
    expect(meer.getByText('woensdag 9 december, 14:00–16:00')).toBeInTheDocument()
    expect(meer.getByText('In Emmermeer. Vraag de organisatie waar precies.')).toBeInTheDocument()
    // Its organisation's details could not be loaded: its name from the offer still says whom to ask.
    expect(meer.getByText('Stadsboerderij De Esch')).toBeInTheDocument()

    expect(calls.filter((c) => c.path === '/api/v1/offers').map((c) => c.search)).toEqual(['?district=a1&limit=100', '?district=a1&limit=100&cursor=c2'])
    expect(calls.find((c) => c.path === '/api/v1/offers/o1/occurrences')?.search).toBe('?from=2026-12-07&to=2026-12-13')
  })

  it('prints with the "Afdrukken" button', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    stubApi(programmeApi())
    renderApp('/programma?district=d1&period=2026-12-07')
    await userEvent.click(await screen.findByRole('button', { name: 'Afdrukken' }))
    expect(print).toHaveBeenCalledTimes(1)
    // A district chosen: its sheet only.
    expect(screen.getByRole('status')).toHaveTextContent('Het programma is 1 pagina.')
    expect(screen.queryByRole('region', { name: 'Emmermeer' })).not.toBeInTheDocument()
  })

  it('makes the programme of the chosen area and month from the form', async () => {
    const calls = stubApi(programmeApi())
    const { router } = renderApp('/programma')
    const district = await screen.findByLabelText('Wijk of gebied')
    await screen.findByRole('option', { name: /Emmen Noord/ })
    // Nothing chosen yet: the field says so and has the focus.
    await userEvent.click(screen.getByRole('button', { name: 'Programma maken' }))
    expect(district).toHaveFocus()
    expect(district).toHaveAccessibleDescription(/Vul dit in\./)
    expect(router.state.location.search).toBe('')
    await userEvent.selectOptions(district, 'a1')
    const period = screen.getByLabelText('Week of maand')
    expect(period).toHaveValue('2026-12-07')
    expect(within(period).getByRole('option', { name: '14 t/m 20 december 2026' })).toBeInTheDocument()
    expect(within(period).getByRole('option', { name: 'januari 2027' })).toBeInTheDocument()
    await userEvent.selectOptions(period, 'december 2026')
    await userEvent.click(screen.getByRole('button', { name: 'Programma maken' }))

    expect(router.state.location.search).toBe('?district=a1&period=2026-12')
    expect(await screen.findByRole('region', { name: 'Emmerhout' })).toHaveTextContent('december 2026')
    expect(calls.find((c) => c.path === '/api/v1/offers/o1/occurrences')?.search).toBe('?from=2026-12-01&to=2026-12-31')
  })

  it('says so when nothing is on, and shows the occurrences in English', async () => {
    stubApi(programmeApi({ 'GET /api/v1/offers/o1/occurrences': { items: [] }, 'GET /api/v1/offers/o2/occurrences': { items: [] } }))
    const { unmount } = renderApp('/programma?district=a1&period=2026-12-07')
    expect(await screen.findByText(/In deze periode is er in Emmen Noord niets te doen/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Afdrukken' })).not.toBeInTheDocument()
    unmount()

    stubApi(programmeApi())
    await act(() => i18n.changeLanguage('en'))
    renderApp('/programma?district=d1&period=2026-12-07')
    const hout = within(await screen.findByRole('region', { name: 'Emmerhout' }))
    expect(hout.getByText('Tuesday 8 December, 10:00–12:00')).toBeInTheDocument()
    expect(hout.getByText('7 to 13 December 2026')).toBeInTheDocument()
    expect(hout.getByText('Call or email')).toBeInTheDocument()
  })
})
