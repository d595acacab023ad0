import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import type { Reason } from '../api/types'
import { formatReasons } from '../lib/reasons'
import type { TagLabel } from '../lib/tags'

/**
 * Why an activity suits someone: a title (a heading at the card's level, or a plain paragraph) and the reasons
 * as sentences; nothing when no reason can be said.
 */
export function ReasonList({ reasons, label, title, titleAs: Title = 'h3' }: { reasons: readonly Reason[]; label: TagLabel; title: string; titleAs?: 'h3' | 'h4' | 'p' }) {
  const { t } = useTranslation()
  const sentences = formatReasons(reasons, t, label)
  if (sentences.length === 0) return null
  return (
    <>
      <Title className="meedoen-reasons__title">{title}</Title>
      <UnorderedList className="meedoen-reasons">
        {sentences.map((s) => (
          <UnorderedListItem key={s}>{s}</UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  )
}
