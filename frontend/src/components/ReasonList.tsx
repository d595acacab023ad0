import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import type { Reason } from '../api/types'
import { formatReasons } from '../lib/reasons'
import type { TagLabel } from '../lib/tags'

/** Things worth knowing about an offer that are no reason it suits someone ("it is full"). */
const NOTES: ReadonlySet<Reason['code']> = new Set(['waitlist', 'referral_required'])

/**
 * Why an activity suits someone: a title (a heading at the card's level, or a plain paragraph) and the reasons
 * as sentences; after them, apart, what is worth knowing but is no reason (full, only through a worker).
 * Nothing when nothing can be said.
 */
export function ReasonList({ reasons, label, title, titleAs: Title = 'h3' }: { reasons: readonly Reason[]; label: TagLabel; title: string; titleAs?: 'h3' | 'h4' | 'p' }) {
  const { t } = useTranslation()
  const fits = formatReasons(
    reasons.filter((r) => !NOTES.has(r.code)),
    t,
    label,
  )
  const notes = formatReasons(
    reasons.filter((r) => NOTES.has(r.code)),
    t,
    label,
  )
  return (
    <>
      {fits.length > 0 && (
        <>
          <Title className="meedoen-reasons__title">{title}</Title>
          <UnorderedList className="meedoen-reasons">
            {fits.map((s) => (
              <UnorderedListItem key={s}>{s}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {notes.map((s) => (
        <Paragraph key={s} className="meedoen-reasons__note">
          {s}
        </Paragraph>
      ))}
    </>
  )
}
