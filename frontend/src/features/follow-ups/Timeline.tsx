import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { isClosed, milestoneText, outcomeText, type Perspective } from './format'
import type { Milestone, Outcome, StopReason } from './types'
import './follow-ups.css'
import './texts'

/** The mark before each step; only decoration, the sentence says it in words. */
const MARKS: Readonly<Record<Milestone['state'], string>> = { reached: '✓', due: '…', missed: '✕', upcoming: '○' }

/**
 * A referral's milestones after the resident said yes (the start, after 4 weeks, after 12 weeks), each in a sentence
 * for the worker or for the resident, then how the worker closed it. Once closed, only the steps that were reached or
 * missed stay. Nothing when there is nothing to show (not accepted yet, or the resident does not share it).
 */
export function Timeline({
  milestones,
  outcome,
  reason,
  perspective,
  titleAs: Title = 'p',
}: {
  milestones: readonly Milestone[]
  outcome?: Outcome | null | undefined
  reason?: StopReason | null | undefined
  perspective: Perspective
  /** A heading at the card's level, or a plain paragraph. */
  titleAs?: 'h3' | 'h4' | 'p'
}) {
  const { t, i18n } = useTranslation()
  const titleId = useId()
  const closed = isClosed(outcome)
  const steps = closed ? milestones.filter((m) => m.state === 'reached' || m.state === 'missed') : milestones
  const ending = outcomeText(outcome, reason, perspective, t)
  if (steps.length === 0 && !ending) return null
  return (
    <div className="meedoen-timeline">
      <Title id={titleId} className="meedoen-timeline__title">
        {t(`followUps.timeline.title.${perspective}`)}
      </Title>
      {steps.length > 0 && (
        <ol className="meedoen-timeline__steps" aria-labelledby={titleId}>
          {steps.map((m) => (
            <li key={m.kind} className={`meedoen-timeline__step meedoen-timeline__step--${m.state}`}>
              <span className="meedoen-timeline__mark" aria-hidden="true">
                {MARKS[m.state]}
              </span>
              <span className="meedoen-timeline__text">
                <strong>{t(`followUps.timeline.kind.${m.kind}`)}:</strong> {milestoneText(m, perspective, t, i18n.language)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {ending && <p className="meedoen-timeline__outcome">{ending}</p>}
    </div>
  )
}
