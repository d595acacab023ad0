import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { Loading } from '../../components/Loading'
import { adminKeys, listAllDistricts, listWorkers, makeWorker, removeWorker, setWorkerDistricts } from './api'
import { TextField } from '../../components/TextField'
import { FormError } from '../../components/FormError'
import { districtNames } from '../../lib/districts'
import { BackToAdmin, ButtonText, Confirm } from './components'
import { DistrictChecklist } from '../../components/DistrictChecklist'
import type { DistrictNode, Worker } from './types'
import { RoleGate } from '../../components/RoleGate'
import { useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './admin.css'
import './texts'

/** /admin/workers: the neighbourhood workers with their districts; change, remove, add. */
export default function WorkersPage() {
  const { t } = useTranslation()
  const title = t('admin.workers.title')
  useDocumentTitle(title)
  return (
    <RoleGate role="admin" title={title}>
      <Heading1>{title}</Heading1>
      <BackToAdmin />
      <Workers />
    </RoleGate>
  )
}

function Workers() {
  const { t } = useTranslation()
  const workers = useQuery({ queryKey: adminKeys.workers(), queryFn: listWorkers })
  const districts = useQuery({ queryKey: adminKeys.districts(), queryFn: listAllDistricts })
  const [message, setMessage] = useState('')
  const messageRef = useRef<HTMLDivElement>(null)
  const error = workers.error ?? districts.error

  function removed(text: string) {
    setMessage(text)
    requestAnimationFrame(() => messageRef.current?.focus())
  }

  if (error) {
    return (
      <ErrorAlert
        error={error}
        onRetry={() => {
          void workers.refetch()
          void districts.refetch()
        }}
      />
    )
  }
  if (!workers.data || !districts.data) return <Loading />
  const tree = districts.data
  const names = districtNames(tree)
  const sorted = [...workers.data].sort((a, b) => a.display_name.localeCompare(b.display_name))
  return (
    <>
      <Paragraph>{t('admin.workers.intro')}</Paragraph>
      <div ref={messageRef} tabIndex={-1} className="admin-message">
        {message && (
          <Alert type="ok" role="status">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      <Heading2>{t('admin.workers.listTitle')}</Heading2>
      {sorted.length === 0 ? (
        <Paragraph>{t('admin.workers.empty')}</Paragraph>
      ) : (
        <ul className="meedoen-cards admin-cards">
          {sorted.map((w) => (
            <WorkerCard key={w.user_id} worker={w} tree={tree} names={names} onRemoved={removed} />
          ))}
        </ul>
      )}
      <Heading2 id="add-worker-title">{t('admin.workers.addTitle')}</Heading2>
      <Paragraph>{t('admin.workers.addIntro')}</Paragraph>
      <MakeWorkerForm tree={tree} />
    </>
  )
}

function WorkerCard({
  worker: w,
  tree,
  names,
  onRemoved,
}: {
  worker: Worker
  tree: DistrictNode[]
  names: Map<string, string>
  onRemoved: (message: string) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view')
  const [chosen, setChosen] = useState<string[]>(w.district_ids)
  const editButton = useRef<HTMLButtonElement>(null)
  const removeButton = useRef<HTMLButtonElement>(null)
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminKeys.workers() })
  const {
    mutation: save,
    fields,
    formError,
  } = useApiForm(
    () => setWorkerDistricts(w.user_id, chosen),
    () => {
      setMode('view')
      requestAnimationFrame(() => editButton.current?.focus())
      refresh()
    },
  )
  const remove = useMutation({
    mutationFn: () => removeWorker(w.user_id),
    onSuccess: () => {
      onRemoved(t('admin.workers.removed', { name: w.display_name }))
      refresh()
    },
  })
  const back = (ref: RefObject<HTMLButtonElement | null>) => {
    setMode('view')
    requestAnimationFrame(() => ref.current?.focus())
  }
  const districtList = w.district_ids.map((id) => names.get(id) ?? '…')

  return (
    <li className="meedoen-card">
      <h3 className="utrecht-heading-3 meedoen-card__title">{w.display_name}</h3>
      <p className="meedoen-card__meta">{w.email}</p>
      <p>
        {t('admin.workers.worksIn')}: {districtList.length > 0 ? districtList.join(', ') : t('admin.workers.nowhere')}
      </p>
      {save.isSuccess && mode === 'view' && (
        <Alert type="ok" role="status">
          <Paragraph>{t('admin.workers.saved', { name: w.display_name })}</Paragraph>
        </Alert>
      )}
      {mode === 'view' && (
        <ButtonGroup className="admin-actions">
          <Button
            ref={editButton}
            appearance="secondary-action-button"
            onClick={() => {
              save.reset()
              setChosen(w.district_ids)
              setMode('edit')
            }}
          >
            <ButtonText text={t('admin.workers.edit')} hidden={t('admin.workers.editLabel', { name: w.display_name })} />
          </Button>
          <Button
            ref={removeButton}
            appearance="secondary-action-button"
            hint="danger"
            onClick={() => {
              remove.reset()
              setMode('remove')
            }}
          >
            <ButtonText text={t('admin.workers.remove')} hidden={t('admin.workers.removeLabel', { name: w.display_name })} />
          </Button>
        </ButtonGroup>
      )}
      {mode === 'edit' && (
        <EditDistricts
          id={`worker-${w.user_id}`}
          legend={t('admin.workers.legendFor', { name: w.display_name })}
          tree={tree}
          value={chosen}
          onChange={setChosen}
          error={fields.district_ids}
          formError={formError}
          busy={save.isPending}
          onSave={() => save.mutate()}
          onCancel={() => back(editButton)}
        />
      )}
      {mode === 'remove' && (
        <Confirm
          id={`remove-${w.user_id}`}
          question={t('admin.workers.removeQuestion', { name: w.display_name })}
          confirmLabel={remove.isPending ? t('admin.workers.removing') : t('admin.workers.removeConfirm')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => back(removeButton)}
        >
          <Paragraph>{t('admin.workers.removeHelp')}</Paragraph>
          {remove.isError && <ErrorAlert error={remove.error} />}
        </Confirm>
      )}
    </li>
  )
}

function EditDistricts({
  id,
  legend,
  tree,
  value,
  onChange,
  error,
  formError,
  busy,
  onSave,
  onCancel,
}: {
  id: string
  legend: string
  tree: DistrictNode[]
  value: string[]
  onChange: (ids: string[]) => void
  error: string | undefined
  formError: string | undefined
  busy: boolean
  onSave: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLFormElement>(null)
  // The focus goes to the first checkbox, so keyboard users start in the list.
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus()
  }, [])
  return (
    <form
      ref={ref}
      className="admin-inline-form"
      noValidate
      aria-label={legend}
      onSubmit={(e) => {
        e.preventDefault()
        onSave()
      }}
    >
      <FormError scope="admin" code={formError} />
      <ErrorSummary errors={error ? { district_ids: error } : {}} scope="admin" targets={{ district_ids: { id, label: legend } }} />
      <DistrictChecklist
        id={id}
        legend={legend}
        help={t('admin.workers.areasHelp')}
        tree={tree}
        value={value}
        onChange={onChange}
        error={error}
        errorScope="admin"
        wholeArea={(name) => t('admin.workers.wholeArea', { name })}
        retiredLabel={t('admin.districts.retired')}
      />
      <ButtonGroup className="admin-actions">
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t('admin.saving') : t('admin.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('admin.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  )
}

function MakeWorkerForm({ tree }: { tree: DistrictNode[] }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [email, setEmail] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  // No account with this address: a 422 `no_account` on `email`, shown next to the field.
  const {
    mutation: make,
    fields,
    formError,
  } = useApiForm(
    () => makeWorker({ email: email.trim(), district_ids: chosen }),
    () => {
      setEmail('')
      setChosen([])
      void queryClient.invalidateQueries({ queryKey: adminKeys.workers() })
    },
    { codeFields: { no_account: 'email' } },
  )
  const emailError = fields.email

  function submit(e: FormEvent) {
    e.preventDefault()
    make.mutate()
  }

  return (
    <form className="meedoen-form admin-wide-form" onSubmit={submit} noValidate aria-labelledby="add-worker-title">
      <FormError scope="admin" code={formError} />
      <ErrorSummary
        errors={fields}
        scope="admin"
        targets={{ email: { id: 'worker-email', label: t('admin.workers.email') }, district_ids: { id: 'new-worker', label: t('admin.workers.legendNew') } }}
      />
      <TextField errorScope="admin" id="worker-email" errorField="email" type="email" autoComplete="off" label={t('admin.workers.email')} value={email} onChange={setEmail} error={emailError} maxLength={254} />
      <DistrictChecklist
        id="new-worker"
        legend={t('admin.workers.legendNew')}
        help={t('admin.workers.areasHelp')}
        tree={tree}
        value={chosen}
        onChange={setChosen}
        error={fields.district_ids}
        errorScope="admin"
        wholeArea={(name) => t('admin.workers.wholeArea', { name })}
        retiredLabel={t('admin.districts.retired')}
      />
      {make.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('admin.workers.added', { name: make.data.display_name })}</Paragraph>
        </Alert>
      )}
      <Button type="submit" appearance="primary-action-button" busy={make.isPending} disabled={make.isPending}>
        {make.isPending ? t('admin.workers.adding') : t('admin.workers.add')}
      </Button>
    </form>
  )
}
