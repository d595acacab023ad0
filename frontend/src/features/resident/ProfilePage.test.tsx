import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { districtTree, residentProfile } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import ProfilePage, { stepOfField } from './ProfilePage'

const profile = residentProfile()
const tags = {
  items: [
    { id: 't1', kind: 'skill', key: 'gardening', label_nl: 'Tuinieren', label_en: 'Gardening', retired: false },
    { id: 't2', kind: 'skill', key: 'cooking', label_nl: 'Koken', label_en: 'Cooking', retired: false },
  ],
}

/** The profile, the tags and the districts; `put` answers the save. Returns the bodies saved. */
function stubProfile(put: Response) {
  const calls = stubApi({
    'GET /api/v1/tags': tags,
    'GET /api/v1/districts': { items: districtTree },
    'GET /api/v1/me/profile': profile,
    'PUT /api/v1/me/profile': put,
  })
  return () => calls.filter((c) => c.method === 'PUT').map((c) => c.body)
}

describe('ProfilePage', () => {
  it('only lets you choose a district, and saves the whole profile with parts of the day', async () => {
    setTokens({ access: 'a' })
    const bodies = stubProfile(jsonResponse(profile))
    renderWithProviders(<ProfilePage />)
    expect(await screen.findByRole('group', { name: 'Waar woon je?' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: /Emmen Noord/ })).toBeDisabled()
    expect(screen.getByRole('option', { name: /Emmerhout/ })).toBeEnabled()
    await userEvent.click(screen.getByRole('button', { name: /^2\.\s*Wat kun je\?$/ }))
    await userEvent.click(screen.getByLabelText('Koken'))
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect(await screen.findByText('Je profiel is opgeslagen.')).toBeInTheDocument()
    expect(bodies()[0]).toMatchObject({
      district_id: 'd1',
      skills: ['gardening', 'cooking'],
      availability: [{ weekday: 2, part_of_day: 'morning' }],
      guidance_needed: 'light',
      share_with_workers: true,
    })
  })

  it('shows field errors at their step and an error summary with a link to each field', async () => {
    setTokens({ access: 'a' })
    stubProfile(
      jsonResponse(
        {
          code: 'validation_failed',
          status: 422,
          errors: [
            { field: 'availability[0]', code: 'invalid_window', message: '' },
            { field: 'phone', code: 'required', message: '' },
          ],
        },
        422,
        'application/problem+json',
      ),
    )
    renderWithProviders(<ProfilePage />)
    await userEvent.click(await screen.findByRole('button', { name: 'Opslaan' }))
    // The first step with a problem opens, with the error next to the question.
    expect(await screen.findByRole('group', { name: 'Wanneer heb je tijd?' })).toHaveAccessibleDescription(/Deze tijd klopt niet/)
    // The summary at the top takes the focus and lists every field, on whatever step it is.
    const summary = screen.getByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    expect(summary).toHaveTextContent('Wanneer heb je tijd?: Deze tijd klopt niet.')
    // Its link opens the field's step and puts the focus in the field.
    await userEvent.click(screen.getByRole('link', { name: 'Telefoonnummer: Vul dit in.' }))
    const phone = await screen.findByLabelText('Telefoonnummer')
    await waitFor(() => expect(phone).toHaveFocus())
    expect(phone).toHaveAccessibleDescription('Vul dit in.')
    expect(screen.getByText('Stap 8 van 8: Wie mag wat zien?')).toBeInTheDocument()
  })

  it('names the step in words and makes "Volgende stap" the main button, "Opslaan" only on the last step', async () => {
    setTokens({ access: 'a' })
    stubProfile(jsonResponse(profile))
    renderWithProviders(<ProfilePage />)
    await screen.findByRole('group', { name: 'Waar woon je?' })
    // Not in the step buttons' labels, which a phone hides: a line of its own.
    const count = screen.getByText('Stap 1 van 8: Waar woon je?')
    expect(count.closest('.meedoen-steps__label, nav')).toBeNull()
    expect(screen.getByRole('button', { name: 'Volgende stap' })).toHaveClass('utrecht-button--primary-action')
    expect(screen.getByRole('button', { name: 'Opslaan' })).toHaveClass('utrecht-button--secondary-action')

    await userEvent.click(screen.getByRole('button', { name: 'Volgende stap' }))
    expect(screen.getByText('Stap 2 van 8: Wat kun je?')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: /^8\.\s*Wie mag wat zien\?$/ }))
    expect(screen.getByText('Stap 8 van 8: Wie mag wat zien?')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Volgende stap' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Opslaan' })).toHaveClass('utrecht-button--primary-action')
  })

  it('maps API fields to steps', () => {
    expect(stepOfField('district_id')).toBe('where')
    expect(stepOfField('availability[3]')).toBe('when')
    expect(stepOfField('dutch_level')).toBe('needs')
    expect(stepOfField('max_travel')).toBe('travel')
    expect(stepOfField('share_phone')).toBe('sharing')
  })
})
