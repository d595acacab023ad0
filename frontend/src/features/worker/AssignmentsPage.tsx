import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useTags } from '../../api/queries'
import { AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { ReasonList } from '../../components/ReasonList'
import { TextField } from '../../components/TextField'
import { useMe } from '../../auth/useSession'
import { indentLabel } from '../../lib/districts'
import { tagLabeller, type TagLabel } from '../../lib/tags'
import { useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { confirmAssignment, makeAssignment, workerKeys } from './api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { translateError } from '../../i18n/errors'
import { fitText, unmatchedText } from './format'
import { useWorkerScope } from './scope'
import type { AssignmentResponse, Proposal } from './types'
import { RoleGate } from '../../components/RoleGate'
import './worker.css'
import './texts'

export default function AssignmentsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('worker.assign.title'))
  return (
    <RoleGate role="worker" title={t('worker.assign.title')}>
      <Assignments />
    </RoleGate>
  )
}

const CONFLICTS = ['referral_exists', 'already_signed_up', 'offer_not_open', 'unknown_resident', 'unknown_offer', 'not_found']

function proposalKey(p: Pick<Proposal, 'resident_id' | 'offer_id'>): string {
  return `${p.resident_id}:${p.offer_id}`
}

function Assignments() {
  const { t, i18n } = useTranslation()
  const { me } = useMe()
  const queryClient = useQueryClient()
  const scope = useWorkerScope(Boolean(me))
  const tags = useTags()
  const label = tagLabeller(tags.data ?? [], i18n.language)
  const [district, setDistrict] = useState('')
  const chosen = district || scope.options[0]?.id || ''
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [note, setNote] = useState('')
  const [noneSelected, setNoneSelected] = useState(false)
  const resultRef = useRef<HTMLHeadingElement>(null)
  const sentRef = useRef<HTMLDivElement>(null)

  const {
    mutation: confirm,
    fields: confirmFields,
    formError: confirmError,
  } = useApiForm(
    (items: Proposal[]) =>
      confirmAssignment(
        items.map((p) => ({ resident_id: p.resident_id, offer_id: p.offer_id })),
        note,
      ),
    () => {
      void queryClient.invalidateQueries({ queryKey: workerKeys.referrals() })
    },
    { shownFields: ['note'] },
  )
  const make = useMutation({
    mutationFn: (districtId: string) => makeAssignment(districtId),
    onMutate: () => confirm.reset(),
    onSuccess: (data: AssignmentResponse) => {
      // Every proposal starts checked.
      setSelected(new Set(data.proposals.map(proposalKey)))
      setNoneSelected(false)
    },
  })

  useEffect(() => {
    if (confirm.isSuccess) sentRef.current?.focus()
  }, [confirm.isSuccess])
  // New proposals: the focus goes to their heading, so keyboard and screen reader users land on them.
  useEffect(() => {
    if (make.data) resultRef.current?.focus()
  }, [make.data])

  function submitMake(e: FormEvent) {
    e.preventDefault()
    if (chosen) make.mutate(chosen)
  }

  const result = make.data
  const proposals = result?.proposals ?? []
  const picked = proposals.filter((p) => selected.has(proposalKey(p)))

  function submitConfirm(e: FormEvent) {
    e.preventDefault()
    if (picked.length === 0) {
      setNoneSelected(true)
      return
    }
    setNoneSelected(false)
    confirm.mutate(picked)
  }

  const noteError = confirmFields.note
  const confirmErrorText = confirmError
    ? CONFLICTS.includes(confirmError)
      ? t('worker.assign.conflict')
      : translateError(confirmError, i18n.language, { scope: 'worker' })
    : undefined

  return (
    <>
      <p className="meedoen-worker__back">
        <AppLink to="/worker">{t('worker.residents.back')}</AppLink>
      </p>
      <Heading1>{t('worker.assign.title')}</Heading1>
      <Paragraph>{t('worker.assign.intro')}</Paragraph>

      <form className="meedoen-form" onSubmit={submitMake} aria-label={t('worker.assign.form')}>
        <FormField
          label={<FormLabel htmlFor="assign-district">{t('worker.assign.district')}</FormLabel>}
          input={
            <Select id="assign-district" name="district_id" value={chosen} busy={!scope.ready} onChange={(e) => setDistrict(e.target.value)}>
              {scope.options.length === 0 && <SelectOption value="">{t('worker.assign.choose')}</SelectOption>}
              {scope.options.map((d) => (
                <SelectOption key={d.id} value={d.id}>
                  {indentLabel(d)}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <Paragraph className="meedoen-worker__hint">{t('worker.assign.seen')}</Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={make.isPending} disabled={make.isPending || !chosen}>
          {make.isPending ? t('worker.assign.making') : t('worker.assign.make')}
        </Button>
      </form>
      {scope.mine.isError && <ErrorAlert scope="worker" error={scope.mine.error} onRetry={() => void scope.mine.refetch()} />}
      {scope.mine.isSuccess && scope.mine.data.length === 0 && <Paragraph>{t('worker.home.districtsEmpty')}</Paragraph>}
      {make.isError && <ErrorAlert scope="worker" error={make.error} />}

      {confirm.isSuccess && (
        <div ref={sentRef} tabIndex={-1} className="meedoen-worker__sent">
          <Alert type="ok" role="status">
            <Paragraph>{t('worker.assign.sent', { count: confirm.data.items.length })}</Paragraph>
            <Paragraph>
              <AppLink to="/worker/referrals">{t('worker.assign.toReferrals')}</AppLink>
            </Paragraph>
          </Alert>
        </div>
      )}

      {result && !confirm.isSuccess && (
        <section aria-labelledby="proposals-heading">
          <Heading2 id="proposals-heading" ref={resultRef} tabIndex={-1}>
            {t('worker.assign.proposals')}
          </Heading2>
          {proposals.length === 0 && result.unmatched.length === 0 && <Paragraph>{t('worker.assign.noResidents')}</Paragraph>}
          {proposals.length === 0 && result.unmatched.length > 0 && <Paragraph>{t('worker.assign.noOffers')}</Paragraph>}
          {proposals.length > 0 && (
            <form onSubmit={submitConfirm} noValidate className="meedoen-worker__confirm">
              {/* Only the note is a field here; any other problem is the message above the button. */}
              <ErrorSummary errors={noteError ? { note: noteError } : {}} scope="worker" targets={{ note: { id: 'assign-note', label: t('worker.assign.note') } }} />
              <Fieldset className="meedoen-step" aria-describedby="proposals-help">
                <FieldsetLegend className="meedoen-step__legend">{t('worker.assign.pick')}</FieldsetLegend>
                <FormFieldDescription id="proposals-help">{t('worker.assign.proposalsHelp')}</FormFieldDescription>
                <ul className="meedoen-cards">
                  {proposals.map((p) => (
                    <ProposalCard
                      key={proposalKey(p)}
                      proposal={p}
                      label={label}
                      checked={selected.has(proposalKey(p))}
                      onChange={(on) => {
                        setNoneSelected(false)
                        setSelected((s) => {
                          const next = new Set(s)
                          if (on) next.add(proposalKey(p))
                          else next.delete(proposalKey(p))
                          return next
                        })
                      }}
                    />
                  ))}
                </ul>
              </Fieldset>
              <Paragraph aria-live="polite">{t('worker.assign.selected', { count: picked.length })}</Paragraph>
              <TextField
                id="assign-note"
                label={t('worker.assign.note')}
                description={t('worker.assign.noteHelp')}
                multiline
                maxLength={1000}
                value={note}
                onChange={setNote}
                error={noteError}
              />
              {noneSelected && (
                <Alert type="error" role="alert">
                  <Paragraph>{t('worker.assign.noneSelected')}</Paragraph>
                </Alert>
              )}
              {confirmErrorText && (
                <Alert type="error" role="alert">
                  <Paragraph>{confirmErrorText}</Paragraph>
                </Alert>
              )}
              <Button type="submit" appearance="primary-action-button" busy={confirm.isPending} disabled={confirm.isPending}>
                {confirm.isPending ? t('worker.assign.sending') : t('worker.assign.send')}
              </Button>
            </form>
          )}
          {result.unmatched.length > 0 && (
            <>
              <Heading2>{t('worker.assign.unmatched')}</Heading2>
              <Paragraph>{t('worker.assign.unmatchedHelp')}</Paragraph>
              <ul className="meedoen-cards">
                {result.unmatched.map((u) => (
                  <li key={u.resident_id} className="meedoen-card">
                    <h3 className="utrecht-heading-3 meedoen-card__title">
                      <AppLink to={`/worker/residents/${u.resident_id}`}>{u.display_name}</AppLink>
                    </h3>
                    <p>{unmatchedText(u, t, label)}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {make.isPending && <Loading />}
    </>
  )
}

function ProposalCard({
  proposal,
  label,
  checked,
  onChange,
}: {
  proposal: Proposal
  label: TagLabel
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  const { t } = useTranslation()
  const id = `proposal-${proposal.resident_id}-${proposal.offer_id}`
  const fit = fitText(proposal.score, t)
  return (
    <li className="meedoen-card">
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor={id} type="checkbox" className="meedoen-worker__proposal-label">
            <Checkbox id={id} className="utrecht-form-field__input" name="proposal" value={`${proposal.resident_id}:${proposal.offer_id}`} checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
            {t('worker.assign.proposalLabel', { name: proposal.display_name, title: proposal.offer_title })}
          </FormLabel>
        }
      />
      <p>
        <span className="meedoen-visually-hidden">{t('worker.resident.fit')}: </span>
        <strong className={`meedoen-worker__fit meedoen-worker__fit--${fit.level}`}>{fit.text}</strong>
      </p>
      <ReasonList reasons={proposal.reasons} label={label} title={t('worker.resident.why')} titleAs="p" />
      <p>
        <AppLink to={`/offers/${proposal.offer_id}`}>{proposal.offer_title}</AppLink> ·{' '}
        <AppLink to={`/worker/residents/${proposal.resident_id}`}>{proposal.display_name}</AppLink>
      </p>
    </li>
  )
}
