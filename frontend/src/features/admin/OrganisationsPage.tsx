import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { adminKeys, listAllDistricts, listOrganisations, rejectOrganisation, verifyOrganisation } from './api'
import { TextField } from '../../components/TextField'
import { districtNames } from '../../lib/districts'
import { BackToAdmin, ButtonText, Confirm, FilterLinks } from './components'
import { ORGANISATION_STATUSES, type Organisation, type OrganisationStatus } from './types'
import { RoleGate } from '../../components/RoleGate'
import { useApiForm } from '../../lib/useApiForm'
import { oneOf } from '../../lib/oneOf'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './admin.css'
import './texts'

function isStatus(value: string | null): value is OrganisationStatus {
  return value !== null && oneOf(ORGANISATION_STATUSES, value)
}

/** /admin/organisations: organisations by status (?status=, pending first); approve or reject. */
export default function OrganisationsPage() {
  const { t } = useTranslation()
  const title = t('admin.organisations.title')
  useDocumentTitle(title)
  return (
    <RoleGate role="admin" title={title}>
      <Heading1>{title}</Heading1>
      <BackToAdmin />
      <Organisations />
    </RoleGate>
  )
}

function Organisations() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const raw = params.get('status')
  const status: OrganisationStatus = isStatus(raw) ? raw : 'pending'
  const [message, setMessage] = useState('')
  const messageRef = useRef<HTMLDivElement>(null)
  const list = useInfiniteQuery({
    queryKey: adminKeys.organisations(status),
    queryFn: ({ pageParam }: { pageParam: string | null }) => listOrganisations(status, pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
  const districts = useQuery({ queryKey: adminKeys.districts(), queryFn: listAllDistricts })
  const names = districtNames(districts.data ?? [])
  const items = list.data?.pages.flatMap((p) => p.items) ?? []

  // The card leaves this list after a decision, so the message (and the focus) goes above the list.
  function decided(text: string) {
    setMessage(text)
    requestAnimationFrame(() => messageRef.current?.focus())
  }

  return (
    <>
      <Paragraph>{t('admin.organisations.intro')}</Paragraph>
      <FilterLinks
        label={t('admin.organisations.statusFilter')}
        items={ORGANISATION_STATUSES.map((s) => ({
          to: `/admin/organisations?status=${s}`,
          text: t(`admin.organisations.status_${s}`),
          current: s === status,
        }))}
      />
      <div ref={messageRef} tabIndex={-1} className="admin-message">
        {message && (
          <Alert type="ok" role="status">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      <Heading2>{t(`admin.organisations.status_${status}`)}</Heading2>
      <Paragraph>{t(`admin.organisations.help_${status}`)}</Paragraph>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <Paragraph>{t(`admin.organisations.empty_${status}`)}</Paragraph>}
      {items.length > 0 && (
        <ul className="meedoen-cards admin-cards">
          {items.map((o) => (
            <OrganisationCard key={o.id} organisation={o} districtNames={o.district_ids.map((id) => names.get(id) ?? '…')} onDecided={decided} />
          ))}
        </ul>
      )}
      <LoadMore query={list} label={t('admin.loadMore')} />
    </>
  )
}

function OrganisationCard({
  organisation: o,
  districtNames,
  onDecided,
}: {
  organisation: Organisation
  districtNames: string[]
  onDecided: (message: string) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const rejectButton = useRef<HTMLButtonElement>(null)
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminKeys.organisationLists() })
  const verify = useMutation({
    mutationFn: () => verifyOrganisation(o.id),
    onSuccess: () => {
      onDecided(t('admin.organisations.verified', { name: o.name }))
      refresh()
    },
  })
  const {
    mutation: reject,
    fields,
    formError,
  } = useApiForm(
    () => rejectOrganisation(o.id, reason),
    () => {
      onDecided(t('admin.organisations.rejected', { name: o.name }))
      refresh()
    },
  )
  const busy = verify.isPending || reject.isPending

  return (
    <li className="meedoen-card">
      <h3 className="utrecht-heading-3 meedoen-card__title">{o.name}</h3>
      <dl className="admin-facts">
        <dt>{t('admin.organisations.kind')}</dt>
        <dd>{t(`admin.orgKinds.${o.kind}`)}</dd>
        <dt>{t('admin.organisations.districts')}</dt>
        <dd>{districtNames.length > 0 ? districtNames.join(', ') : t('admin.organisations.noDistricts')}</dd>
        <dt>{t('admin.organisations.contact')}</dt>
        <dd>
          <a className="utrecht-link utrecht-link--html-a" href={`mailto:${o.contact_email}`}>
            {o.contact_email}
          </a>
          {o.contact_phone && (
            <>
              <br />
              {o.contact_phone}
            </>
          )}
        </dd>
        {o.website && (
          <>
            <dt>{t('admin.organisations.website')}</dt>
            <dd>{o.website}</dd>
          </>
        )}
        {o.status === 'rejected' && o.rejection_reason && (
          <>
            <dt>{t('admin.organisations.reason')}</dt>
            <dd>{o.rejection_reason}</dd>
          </>
        )}
      </dl>
      {o.description && (
        <details className="admin-details">
          <summary>{t('admin.organisations.description')}</summary>
          <p>{o.description}</p>
        </details>
      )}
      {verify.isError && <ErrorAlert error={verify.error} />}
      {!rejecting && (
        <ButtonGroup className="admin-actions">
          {o.status !== 'verified' && (
            <Button appearance="primary-action-button" busy={verify.isPending} disabled={busy} onClick={() => verify.mutate()}>
              <ButtonText text={verify.isPending ? t('admin.organisations.verifying') : t('admin.organisations.verify')} hidden={o.name} />
            </Button>
          )}
          {o.status !== 'rejected' && (
            <Button
              ref={rejectButton}
              appearance="secondary-action-button"
              hint="danger"
              disabled={busy}
              onClick={() => {
                reject.reset()
                setRejecting(true)
              }}
            >
              <ButtonText text={t('admin.organisations.reject')} hidden={o.name} />
            </Button>
          )}
        </ButtonGroup>
      )}
      {rejecting && (
        <Confirm
          id={`reject-${o.id}`}
          question={t('admin.organisations.rejectQuestion', { name: o.name })}
          confirmLabel={reject.isPending ? t('admin.organisations.rejecting') : t('admin.organisations.rejectConfirm', { name: o.name })}
          busy={reject.isPending}
          onConfirm={() => reject.mutate()}
          onCancel={() => {
            setRejecting(false)
            requestAnimationFrame(() => rejectButton.current?.focus())
          }}
        >
          <Paragraph>{t('admin.organisations.rejectHelp')}</Paragraph>
          {formError && <ErrorAlert error={reject.error} />}
          <ErrorSummary errors={fields} scope="admin" targets={{ reason: { id: `reason-${o.id}`, label: t('admin.organisations.rejectReason') } }} />
          <TextField
            errorScope="admin"
            id={`reason-${o.id}`}
            errorField="reason"
            label={t('admin.organisations.rejectReason')}
            description={t('admin.organisations.rejectReasonHelp')}
            multiline
            rows={3}
            required
            maxLength={1000}
            value={reason}
            onChange={setReason}
            error={fields.reason}
          />
        </Confirm>
      )}
    </li>
  )
}
