import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../test/render'
import { ReasonList } from './ReasonList'

const label = (_kind: string, key: string) => key

describe('ReasonList', () => {
  it('lists why it fits, and says apart that it is full', () => {
    renderWithProviders(<ReasonList reasons={[{ code: 'same_district' }, { code: 'waitlist' }]} label={label} title="Waarom dit bij je past" />)
    const list = screen.getByRole('list')
    expect(within(list).getByText('Het is in je eigen wijk.')).toBeInTheDocument()
    expect(within(list).queryByText(/Het is vol/)).not.toBeInTheDocument()
    expect(screen.getByText('Het is vol. Je komt eerst op de wachtlijst.')).toBeInTheDocument()
  })

  it('shows no title when nothing fits, only the note', () => {
    renderWithProviders(<ReasonList reasons={[{ code: 'waitlist' }]} label={label} title="Waarom dit bij je past" />)
    expect(screen.queryByText('Waarom dit bij je past')).not.toBeInTheDocument()
    expect(screen.getByText('Het is vol. Je komt eerst op de wachtlijst.')).toBeInTheDocument()
  })
})
