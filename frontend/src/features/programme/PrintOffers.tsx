import { Button, Paragraph } from '@utrecht/component-library-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { daysFrom, localDate } from '../../lib/schedule'
import { ProgrammeSheets } from './ProgrammeSheets'
import type { Offer } from './types'
import { useProgrammeEntries } from './useProgrammeEntries'
import './texts'

/** The offers are printed with their occurrences in the coming four weeks. */
const DAYS = 28

/**
 * "Afdrukken" for a list of offers meant for one person (the worker's page of a resident): the large-print layout
 * of the programme, one sheet titled with the person's name, the offers in the order given, printed on its own.
 * The sheet is rendered outside the app's root (a portal), which the print stylesheet hides, so nothing else of
 * the page (such as the resident's profile) reaches the paper.
 */
export function PrintOffers({ offers, name }: { offers: readonly Offer[]; name: string }) {
  const { t } = useTranslation()
  const [requested, setRequested] = useState(false)
  const done = useCallback(() => setRequested(false), [])
  return (
    <div className="meedoen-programme__actions">
      <Button appearance="secondary-action-button" onClick={() => setRequested(true)} busy={requested} aria-describedby="print-offers-help">
        {t('programme.print')}
      </Button>
      <Paragraph id="print-offers-help" className="meedoen-programme__help">
        {t('programme.printOffersHelp', { name })}
      </Paragraph>
      {requested && <Printing offers={offers} name={name} onDone={done} />}
    </div>
  )
}

function Printing({ offers, name, onDone }: { offers: readonly Offer[]; name: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [period] = useState(() => daysFrom(localDate(), DAYS))
  const programme = useProgrammeEntries(offers, period)
  const ready = !programme.pending && !programme.error
  const printed = useRef(false)

  // The print dialog opens once, as soon as the sheet is on the page; the sheet leaves when the printing is done.
  useEffect(() => {
    if (!ready || printed.current) return
    printed.current = true
    window.print()
  }, [ready])
  useEffect(() => {
    window.addEventListener('afterprint', onDone)
    return () => window.removeEventListener('afterprint', onDone)
  }, [onDone])

  if (programme.error) return <ErrorAlert error={programme.error} onRetry={programme.retry} />
  return (
    <>
      <Paragraph role="status">{ready ? t('programme.ready') : t('programme.preparing')}</Paragraph>
      {ready &&
        createPortal(
          <div className="meedoen-print-portal">
            <ProgrammeSheets
              sheets={[{ id: 'offers', title: t('programme.forPerson', { name }), entries: programme.entries }]}
              period={period}
              level={2}
            />
          </div>,
          document.body,
        )}
    </>
  )
}
