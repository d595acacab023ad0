import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { i18n } from '../../i18n'
import { EXCLUSION_CODES } from '../../lib/obstacles'
import { offer, TAGS } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import ForYouPage from './ForYouPage'
import { residentKeys } from './api'
import { en, nl } from './i18n'

/** What the resident's needs keep out: an access need, their Dutch, their age, and an obstacle of a newer server. */
const LEFT_OUT = [
  { obstacle: { code: 'access_not_met', tag: 'wheelchair_accessible' }, count: 7 },
  { obstacle: { code: 'dutch_level_too_low' }, count: 2 },
  { obstacle: { code: 'too_young' }, count: 1 },
  { obstacle: { code: 'not_yet_known' }, count: 3 },
]

/** The recommendations (one offer), the tags, and `leftOut` as the items of GET /me/recommendations/left-out. */
function stubForYou(leftOut: object[]) {
  setTokens({ access: 'a' })
  return stubApi({
    'GET /api/v1/me/recommendations': { profile_completed: true, items: [{ offer: offer(), proposed: false, reasons: [], score: 0.8 }] },
    'GET /api/v1/me/recommendations/left-out': { items: leftOut },
    'GET /api/v1/tags': { items: TAGS },
  })
}

const section = () => within(screen.getByRole('region', { name: 'Wat je niet ziet' }))

describe('ForYouPage: what you do not see', () => {
  it('says below the recommendations how many activities each need keeps out, with the way to the profile', async () => {
    const calls = stubForYou(LEFT_OUT)
    renderWithProviders(<ForYouPage />)
    const heading = await screen.findByRole('heading', { level: 2, name: 'Wat je niet ziet' })
    const recommendation = screen.getByRole('link', { name: 'Walking football voor 60-plussers' })
    expect(recommendation.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    expect(section().getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '7 activiteiten hebben niet wat jij nodig hebt: rolstoeltoegankelijk.',
      '2 activiteiten vragen meer Nederlands dan jij nu spreekt.',
      '1 activiteit is voor mensen die ouder zijn dan jij.',
      '3 activiteiten passen niet bij wat jij nodig hebt.',
    ])
    expect(section().getByRole('link', { name: 'Pas je profiel aan' })).toHaveAttribute('href', '/profile')
    expect(section().getByText('Een wijkwerker kan je helpen om toch een activiteit te vinden die past.')).toBeInTheDocument()
    const leftOutCall = calls.find((c) => c.path === '/api/v1/me/recommendations/left-out')
    expect(leftOutCall).toMatchObject({ method: 'GET', authorization: 'Bearer a' })
  })

  it('shows nothing when no activity is kept out', async () => {
    const calls = stubForYou([])
    renderWithProviders(<ForYouPage />)
    expect(await screen.findByRole('link', { name: 'Walking football voor 60-plussers' })).toBeInTheDocument()
    expect(calls.some((c) => c.path === '/api/v1/me/recommendations/left-out')).toBe(true)
    // Let the answer of left-out arrive and render, so that its absence is not just its lateness.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(screen.queryByRole('heading', { name: 'Wat je niet ziet' })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Pas je profiel aan' })).not.toBeInTheDocument()
    expect(screen.queryByText(/wijkwerker kan je helpen/)).not.toBeInTheDocument()
  })

  it('speaks English', async () => {
    await i18n.changeLanguage('en')
    stubForYou(LEFT_OUT)
    renderWithProviders(<ForYouPage />)
    const region = within(await screen.findByRole('region', { name: 'What you do not see' }))
    expect(region.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '7 activities do not have what you need: wheelchair accessible.',
      '2 activities ask for more Dutch than you speak now.',
      '1 activity is for people older than you.',
      '3 activities do not fit what you need.',
    ])
    expect(region.getByText('Some activities are not shown here, because they do not fit what you need.')).toBeInTheDocument()
    expect(region.getByRole('link', { name: 'Change your profile' })).toHaveAttribute('href', '/profile')
    expect(region.getByText('A neighbourhood worker can help you find an activity that does fit.')).toBeInTheDocument()
  })

  it('has a sentence for one and for more activities, in Dutch and English, for every obstacle the server can name', () => {
    for (const code of EXCLUSION_CODES) {
      for (const texts of [nl, en]) {
        expect(texts.forYou.leftOutCount[`${code}_one`]).toContain('{{count}}')
        expect(texts.forYou.leftOutCount[`${code}_other`]).toContain('{{count}}')
      }
    }
  })

  it('is refreshed with the recommendations (a saved profile refreshes both)', () => {
    expect(residentKeys.leftOut().slice(0, residentKeys.recommendations().length)).toEqual(residentKeys.recommendations())
  })
})
