import { useTranslation } from 'react-i18next'
import { useSite } from '../../api/queries'
import { telHref } from '../../lib/contact'
import { occurrenceInWords, periodInWords, type Period } from '../../lib/schedule'
import type { ProgrammeEntry, ProgrammeSheet } from './programme'
import './programme.css'
import './texts'

/**
 * The large-print programme: one sheet per district (or one for a person), each starting on a new printed page,
 * headed by the municipality, the sheet's title and the period; per offer what, when (every occurrence in
 * words), where and whom to call. `level` is the sheets' heading level; the offers' headings are one below.
 */
export function ProgrammeSheets({ sheets, period, level }: { sheets: readonly ProgrammeSheet[]; period: Period; level: 2 | 3 }) {
  const { t, i18n } = useTranslation()
  const municipality = useSite().data?.municipality.name
  const SheetHeading = level === 2 ? 'h2' : 'h3'
  const when = periodInWords(period, t, i18n.language)
  return (
    <div className="meedoen-print-area meedoen-programme">
      {sheets.map((sheet) => (
        <section key={sheet.id} className="meedoen-programme__sheet" aria-labelledby={`sheet-${sheet.id}`}>
          <p className="meedoen-programme__municipality">{[municipality, t('app.name')].filter(Boolean).join(' · ')}</p>
          <SheetHeading id={`sheet-${sheet.id}`} className={`utrecht-heading-${level} meedoen-programme__title`}>
            {sheet.title}
          </SheetHeading>
          <p className="meedoen-programme__period">{when}</p>
          <ul className="meedoen-programme__entries">
            {sheet.entries.map((entry) => (
              <Entry key={entry.offer.id} entry={entry} level={level === 2 ? 'h3' : 'h4'} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

function Entry({ entry, level }: { entry: ProgrammeEntry; level: 'h3' | 'h4' }) {
  const { t, i18n } = useTranslation()
  const { offer, occurrences, organisation } = entry
  const Heading = level
  const phone = organisation?.contact_phone
  const email = organisation?.contact_email
  return (
    <li className="meedoen-programme__entry">
      <Heading className="meedoen-programme__offer">{offer.title}</Heading>
      <p className="meedoen-programme__kind">{t(`kind.${offer.kind}`)}</p>
      <dl className="meedoen-programme__facts">
        <div className="meedoen-programme__fact">
          <dt>{t('programme.when')}</dt>
          <dd>
            {occurrences.length > 0 ? (
              <ul className="meedoen-programme__dates">
                {occurrences.map((o) => (
                  <li key={o.id}>{occurrenceInWords(o, t, i18n.language)}</li>
                ))}
              </ul>
            ) : (
              t('programme.noDates')
            )}
          </dd>
        </div>
        <div className="meedoen-programme__fact">
          <dt>{t('programme.where')}</dt>
          <dd>{offer.address.trim() || t('programme.inDistrict', { district: offer.district_name })}</dd>
        </div>
        <div className="meedoen-programme__fact">
          <dt>{t('programme.contact')}</dt>
          <dd>
            <span className="meedoen-programme__organisation">{organisation?.name ?? offer.organisation_name}</span>
            {phone && (
              <span className="meedoen-programme__line">
                {t('programme.phone')}: <a className="utrecht-link utrecht-link--html-a" href={telHref(phone)}>{phone}</a>
              </span>
            )}
            {email && (
              <span className="meedoen-programme__line">
                {t('programme.email')}: <a className="utrecht-link utrecht-link--html-a" href={`mailto:${email}`}>{email}</a>
              </span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  )
}
