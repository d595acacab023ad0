import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../i18n'
import { Timeline } from './Timeline'
import type { Milestone } from './types'

const started: Milestone = { kind: 'started', due: '2027-01-25T09:00:00Z', reached_at: '2027-01-05T08:30:00Z', state: 'reached' }
const weekFourMissed: Milestone = { kind: 'week_4', due: '2027-02-02T08:30:00Z', reached_at: null, state: 'missed' }
const weekFourReached: Milestone = { ...weekFourMissed, reached_at: '2027-02-02T08:30:00Z', state: 'reached' }
const weekTwelve: Milestone = { kind: 'week_12', due: '2027-03-30T07:30:00Z', reached_at: null, state: 'upcoming' }

/** The steps of the timeline named `name`, as text. */
function steps(name: string): (string | null)[] {
  return within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.textContent)
}

describe('Timeline', () => {
  it('speaks to the resident about themselves', () => {
    render(<Timeline milestones={[started, weekFourReached, weekTwelve]} perspective="resident" />)
    expect(steps('Hoe gaat het?')).toEqual([
      '✓Begin: Je bent begonnen op 5 januari 2027.',
      '✓Na 4 weken: Je was er nog, op 2 februari 2027.',
      '○Na 12 weken: Dat is rond 30 maart 2027.',
    ])
  })

  it('tells the resident where they stand before they started, and when they did not', () => {
    const due: Milestone = { kind: 'started', due: '2027-01-25T09:00:00Z', reached_at: null, state: 'due' }
    const { unmount } = render(<Timeline milestones={[due]} perspective="resident" />)
    expect(steps('Hoe gaat het?')).toEqual(['…Begin: Je bent nog niet begonnen. Probeer uiterlijk 25 januari 2027 te beginnen.'])
    unmount()
    render(<Timeline milestones={[{ ...due, state: 'missed' }]} outcome="never_started" perspective="resident" />)
    expect(steps('Hoe gaat het?')).toEqual(['✕Begin: Je bent niet begonnen in de eerste 3 weken.'])
    // `never_started` is in the step already: no second sentence.
    expect(screen.queryByText(/afgesloten/)).not.toBeInTheDocument()
  })

  it('keeps only what was reached or missed once the worker closed it, and says how', () => {
    const { unmount } = render(<Timeline milestones={[started, weekFourMissed, weekTwelve]} outcome="stopped" reason="found_work" perspective="resident" />)
    expect(steps('Hoe gaat het?')).toEqual(['✓Begin: Je bent begonnen op 5 januari 2027.', '✕Na 4 weken: Je was er rond 2 februari 2027 niet.'])
    expect(screen.getByText('Je wijkwerker heeft dit afgesloten: je bent gestopt. Reden: werk gevonden.')).toBeInTheDocument()
    unmount()
    render(<Timeline milestones={[started, weekFourReached, weekTwelve]} outcome="completed" perspective="worker" titleAs="h3" />)
    expect(screen.getByRole('heading', { level: 3, name: 'Voortgang' })).toBeInTheDocument()
    expect(steps('Voortgang')).toEqual(['✓Begin: Begonnen op 5 januari 2027.', '✓Na 4 weken: Nog geweest, op 2 februari 2027.'])
    expect(screen.getByText('Afgesloten: afgerond.')).toBeInTheDocument()
  })

  it('shows only the outcome when no step was reached or missed', () => {
    const due: Milestone = { kind: 'started', due: '2027-01-25T09:00:00Z', reached_at: null, state: 'due' }
    render(<Timeline milestones={[due]} outcome="stopped" reason="health" perspective="worker" />)
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
    expect(screen.getByText('Afgesloten: gestopt. Reden: gezondheid.')).toBeInTheDocument()
  })

  it('shows nothing without milestones or an outcome', () => {
    const { container } = render(<Timeline milestones={[]} outcome={null} perspective="worker" />)
    expect(container).toBeEmptyDOMElement()
  })

  it('speaks English', async () => {
    await i18n.changeLanguage('en')
    render(<Timeline milestones={[started, weekFourMissed, weekTwelve]} outcome="stopped" reason="not_a_fit" perspective="resident" />)
    expect(steps('How is it going?')).toEqual(['✓Start: You started on 5 January 2027.', '✕After 4 weeks: You were not there around 2 February 2027.'])
    expect(screen.getByText('Your neighbourhood worker closed this: you stopped. Reason: not a good fit.')).toBeInTheDocument()
  })
})
