import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../i18n'
import { site } from '../../../test/fixtures'
import { renderApp } from '../../../test/renderApp'
import { stubApi } from '../../../test/stubApi'
import { paragraphs } from './paragraphs'

const main = () => within(screen.getByRole('main'))

describe('the accessibility statement', () => {
  it('has a default text like a Dutch public body’s, with how to report a problem to the municipality', async () => {
    stubApi({ 'GET /api/v1/site': site() })
    renderApp('/toegankelijkheid')
    expect(await main().findByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeInTheDocument()
    expect(await main().findByText(/^Gemeente Emmen wil dat iedereen Meedoen kan gebruiken/)).toBeInTheDocument()
    expect(main().getByText(/WCAG 2\.1 op niveau AA/)).toBeInTheDocument()
    expect(main().getByText(/Besluit digitale toegankelijkheid overheid/)).toBeInTheDocument()
    const report = within(main().getByRole('region', { name: 'Werkt iets niet goed?' }))
    expect(report.getByRole('link', { name: 'meedoen@emmen.nl' })).toHaveAttribute('href', 'mailto:meedoen@emmen.nl')
    expect(report.getByRole('link', { name: '14 0591' })).toHaveAttribute('href', 'tel:140591')
    expect(main().getByRole('heading', { level: 2, name: 'Ben je niet tevreden?' })).toBeInTheDocument()
    expect(document.title).toBe('Toegankelijkheidsverklaring · Meedoen · Gemeente Emmen')
  })

  it('has the default text in English too', async () => {
    await i18n.changeLanguage('en')
    stubApi({ 'GET /api/v1/site': site() })
    renderApp('/toegankelijkheid')
    expect(await main().findByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeInTheDocument()
    expect(await main().findByText(/^Gemeente Emmen wants everyone to be able to use Meedoen/)).toBeInTheDocument()
    expect(main().getByText(/WCAG 2\.1 at level AA/)).toBeInTheDocument()
    expect(within(main().getByRole('region', { name: 'Does something not work well?' })).getByRole('link', { name: 'meedoen@emmen.nl' })).toBeInTheDocument()
  })

  it('shows the municipality’s own text instead, a paragraph for each part between blank lines', async () => {
    stubApi({ 'GET /api/v1/site': site({ accessibility_statement: 'Wij voldoen aan WCAG 2.2.\n\nBel ons:\n14 0591' }) })
    renderApp('/toegankelijkheid')
    expect(await main().findByText('Wij voldoen aan WCAG 2.2.')).toHaveClass('utrecht-paragraph')
    expect(main().getByText(/^Bel ons:/)).toHaveTextContent('Bel ons: 14 0591')
    expect(main().getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeInTheDocument()
    expect(main().queryByText(/Besluit digitale toegankelijkheid overheid/)).not.toBeInTheDocument()
  })
})

describe('the privacy statement', () => {
  it('has a default text in Dutch and in English', async () => {
    stubApi({ 'GET /api/v1/site': site() })
    renderApp('/privacy')
    expect(await main().findByRole('heading', { level: 1, name: 'Privacyverklaring' })).toBeInTheDocument()
    expect(await main().findByText(/^Gemeente Emmen is verantwoordelijk voor Meedoen/)).toBeInTheDocument()
    expect(main().getByRole('heading', { level: 2, name: 'Wat zijn je rechten?' })).toBeInTheDocument()
    expect(main().getByText(/Autoriteit Persoonsgegevens/)).toBeInTheDocument()

    await act(() => i18n.changeLanguage('en'))
    expect(main().getByRole('heading', { level: 1, name: 'Privacy statement' })).toBeInTheDocument()
    expect(main().getByText(/^Gemeente Emmen is responsible for Meedoen/)).toBeInTheDocument()
    expect(main().getByRole('heading', { level: 2, name: 'What are your rights?' })).toBeInTheDocument()
  })

  it('shows the municipality’s own text when it has one', async () => {
    stubApi({ 'GET /api/v1/site': site({ privacy_statement: 'Eerste alinea.\n\nTweede alinea.', accessibility_statement: 'Iets anders.' }) })
    renderApp('/privacy')
    expect(await main().findByText('Eerste alinea.')).toBeInTheDocument()
    expect(main().getByText('Tweede alinea.')).toBeInTheDocument()
    expect(main().queryByText('Iets anders.')).not.toBeInTheDocument()
    expect(main().queryByRole('heading', { level: 2 })).not.toBeInTheDocument()
  })
})

describe('a configured text', () => {
  it('is divided into paragraphs at blank lines, keeping line breaks inside one', () => {
    expect(paragraphs('Eén.\n\n\nTwee\nregels.\r\n  \r\nDrie. ')).toEqual(['Eén.', 'Twee\nregels.', 'Drie.'])
    expect(paragraphs('  ')).toEqual([])
  })
})
