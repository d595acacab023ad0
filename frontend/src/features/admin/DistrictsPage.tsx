import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { Loading } from '../../components/Loading'
import { sharedKeys } from '../../api/queries'
import { adminKeys, createDistrict, listAllDistricts, retireDistrict, updateDistrict } from './api'
import { TextField } from '../../components/TextField'
import { SelectField } from '../../components/SelectField'
import { FormError } from '../../components/FormError'
import { useApiForm } from '../../lib/useApiForm'
import { flattenDistrictTree, indentLabel } from '../../lib/districts'
import { BackToAdmin, ButtonText, Confirm } from './components'
import { DISTRICT_KINDS, type DistrictKind, type DistrictNode } from './types'
import { RoleGate } from '../../components/RoleGate'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './admin.css'
import './texts'

/** /admin/districts: the district tree with adding, renaming and retiring. */
export default function DistrictsPage() {
  const { t } = useTranslation()
  const title = t('admin.districts.title')
  useDocumentTitle(title)
  return (
    <RoleGate role="admin" title={title}>
      <Heading1>{title}</Heading1>
      <BackToAdmin />
      <Districts />
    </RoleGate>
  )
}

/** After a change: refresh every district list (the public one too). */
function useRefreshDistricts() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: sharedKeys.districts })
}

function Districts() {
  const { t } = useTranslation()
  const tree = useQuery({ queryKey: adminKeys.districts(), queryFn: listAllDistricts })
  return (
    <>
      <Paragraph>{t('admin.districts.intro')}</Paragraph>
      {tree.isPending && <Loading />}
      {tree.isError && <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />}
      {tree.isSuccess && (
        <>
          <Heading2>{t('admin.districts.addTitle')}</Heading2>
          <CreateDistrictForm tree={tree.data} />
          <Heading2>{t('admin.districts.treeTitle')}</Heading2>
          <Paragraph>{t('admin.districts.treeHelp')}</Paragraph>
          {tree.data.length === 0 ? <Paragraph>{t('admin.districts.empty')}</Paragraph> : <Tree nodes={tree.data} />}
        </>
      )}
    </>
  )
}

/** The parents a new district of this kind may hang under (not retired). */
export function parentOptions(tree: readonly DistrictNode[], kind: DistrictKind) {
  const allowed: DistrictKind[] = kind === 'area' ? ['municipality'] : kind === 'district' ? ['municipality', 'area'] : []
  return flattenDistrictTree(tree)
    .filter((d) => !d.retired && allowed.includes(d.kind) && d.depth < 2)
    .map((d) => ({ value: d.id, label: indentLabel(d) }))
}

function CreateDistrictForm({ tree }: { tree: DistrictNode[] }) {
  const { t } = useTranslation()
  const refresh = useRefreshDistricts()
  const [kind, setKind] = useState<DistrictKind>('district')
  const [parent, setParent] = useState('')
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const {
    mutation: create,
    fields,
    formError,
  } = useApiForm(
    () => createDistrict({ kind, name, code: code.trim() || null, parent_id: kind === 'municipality' ? null : parent || null }),
    () => {
      setName('')
      setCode('')
      refresh()
    },
  )
  const parents = parentOptions(tree, kind)

  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }

  return (
    <form className="meedoen-form" onSubmit={submit} noValidate aria-labelledby="add-district-title">
      <span id="add-district-title" className="meedoen-visually-hidden">
        {t('admin.districts.addTitle')}
      </span>
      <FormError scope="admin" code={formError} />
      <ErrorSummary
        errors={fields}
        scope="admin"
        targets={{
          kind: { id: `kind-${kind}`, label: t('admin.districts.kind') },
          parent_id: { id: 'parent_id', label: t('admin.districts.parent') },
          name: { id: 'district-name', label: t('admin.districts.name') },
          code: { id: 'district-code', label: t('admin.districts.code') },
        }}
      />
      <Fieldset>
        <FieldsetLegend>{t('admin.districts.kind')}</FieldsetLegend>
        {DISTRICT_KINDS.map((k) => (
          <FormField
            key={k}
            type="radio"
            label={
              <FormLabel htmlFor={`kind-${k}`} type="radio">
                <RadioButton
                  id={`kind-${k}`}
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k)
                    setParent('')
                  }}
                />{' '}
                {t(`admin.kinds.${k}`)}
              </FormLabel>
            }
          />
        ))}
      </Fieldset>
      {kind !== 'municipality' && (
        <SelectField
          errorScope="admin"
          id="parent_id"
          label={t('admin.districts.parent')}
          value={parent}
          onChange={setParent}
          options={[{ value: '', label: t('admin.districts.chooseParent') }, ...parents]}
          error={fields.parent_id}
        />
      )}
      <TextField errorScope="admin" id="district-name" errorField="name" label={t('admin.districts.name')} value={name} onChange={setName} error={fields.name} maxLength={100} />
      <TextField
        errorScope="admin"
        id="district-code"
        errorField="code"
        label={t('admin.districts.code')}
        description={t('admin.districts.codeHelp')}
        value={code}
        onChange={setCode}
        error={fields.code}
        maxLength={20}
      />
      {create.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('admin.districts.added', { name: create.data.name })}</Paragraph>
        </Alert>
      )}
      <Button type="submit" appearance="primary-action-button" busy={create.isPending} disabled={create.isPending}>
        {create.isPending ? t('admin.districts.adding') : t('admin.districts.add')}
      </Button>
    </form>
  )
}

function Tree({ nodes }: { nodes: DistrictNode[] }) {
  return (
    <ul className="admin-tree">
      {nodes.map((n) => (
        <li key={n.id} className="admin-tree__item">
          <DistrictItem node={n} />
          {n.children.length > 0 && <Tree nodes={n.children} />}
        </li>
      ))}
    </ul>
  )
}

function DistrictItem({ node }: { node: DistrictNode }) {
  const { t } = useTranslation()
  const refresh = useRefreshDistricts()
  const [mode, setMode] = useState<'view' | 'edit' | 'retire'>('view')
  const [message, setMessage] = useState('')
  const editButton = useRef<HTMLButtonElement>(null)
  const retireButton = useRef<HTMLButtonElement>(null)
  const retire = useMutation({
    mutationFn: () => retireDistrict(node.id),
    onSuccess: (d) => {
      setMode('view')
      setMessage(t('admin.districts.retiredDone', { name: d.name }))
      refresh()
    },
  })
  const back = (ref: RefObject<HTMLButtonElement | null>) => {
    setMode('view')
    requestAnimationFrame(() => ref.current?.focus())
  }

  return (
    <div className="admin-tree__node">
      <div className="admin-tree__row">
        <span className="admin-tree__name">{node.name}</span>{' '}
        <span className="admin-tree__meta">
          {t(`admin.kinds.${node.kind}`)}
          {node.code ? ` · ${t('admin.districts.code_label', { code: node.code })}` : ''}
        </span>
        {node.retired && (
          <>
            {' '}
            <span className="admin-badge">{t('admin.districts.retired')}</span>
          </>
        )}
      </div>
      {message && (
        <Alert type="ok" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      {!node.retired && mode === 'view' && (
        <ButtonGroup className="admin-actions">
          <Button
            ref={editButton}
            appearance="secondary-action-button"
            onClick={() => {
              setMessage('')
              setMode('edit')
            }}
          >
            <ButtonText text={t('admin.districts.edit')} hidden={node.name} />
          </Button>
          <Button
            ref={retireButton}
            appearance="secondary-action-button"
            hint="danger"
            onClick={() => {
              setMessage('')
              retire.reset()
              setMode('retire')
            }}
          >
            <ButtonText text={t('admin.districts.retire')} hidden={node.name} />
          </Button>
        </ButtonGroup>
      )}
      {mode === 'edit' && (
        <EditDistrictForm
          node={node}
          onDone={(name) => {
            setMessage(t('admin.districts.saved', { name }))
            back(editButton)
            refresh()
          }}
          onCancel={() => back(editButton)}
        />
      )}
      {mode === 'retire' && (
        <Confirm
          id={`retire-${node.id}`}
          question={t('admin.districts.retireQuestion', { name: node.name })}
          confirmLabel={retire.isPending ? t('admin.districts.retiring') : t('admin.districts.retireConfirm', { name: node.name })}
          busy={retire.isPending}
          onConfirm={() => retire.mutate()}
          onCancel={() => back(retireButton)}
        >
          <Paragraph>{t('admin.districts.retireHelp')}</Paragraph>
          {retire.isError && <ErrorAlert error={retire.error} />}
        </Confirm>
      )}
    </div>
  )
}

function EditDistrictForm({ node, onDone, onCancel }: { node: DistrictNode; onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState(node.name)
  const [code, setCode] = useState(node.code ?? '')
  // The focus goes to the first field, so keyboard users can type at once.
  useEffect(() => {
    document.getElementById(`name-${node.id}`)?.focus()
  }, [node.id])
  const {
    mutation: save,
    fields,
    formError,
  } = useApiForm(
    () => updateDistrict(node.id, { name, code: code.trim() || null }),
    (d) => onDone(d.name),
  )
  const titleId = `edit-${node.id}-title`
  return (
    <form
      className="meedoen-form admin-inline-form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate()
      }}
    >
      <p id={titleId} className="admin-confirm__question">
        {t('admin.districts.editTitle', { name: node.name })}
      </p>
      <FormError scope="admin" code={formError} />
      <ErrorSummary
        errors={fields}
        scope="admin"
        targets={{ name: { id: `name-${node.id}`, label: t('admin.districts.name') }, code: { id: `code-${node.id}`, label: t('admin.districts.code') } }}
      />
      <TextField errorScope="admin" id={`name-${node.id}`} errorField="name" label={t('admin.districts.name')} value={name} onChange={setName} error={fields.name} maxLength={100} />
      <TextField
        errorScope="admin"
        id={`code-${node.id}`}
        errorField="code"
        label={t('admin.districts.code')}
        description={t('admin.districts.codeHelp')}
        value={code}
        onChange={setCode}
        error={fields.code}
        maxLength={20}
      />
      <ButtonGroup className="admin-actions">
        <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={save.isPending}>
          {save.isPending ? t('admin.saving') : t('admin.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('admin.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  )
}
