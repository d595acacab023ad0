import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { Loading } from '../../components/Loading'
import { sharedKeys } from '../../api/queries'
import { adminKeys, createTag, listAllTags, retireTag } from './api'
import { TextField } from '../../components/TextField'
import { SelectField } from '../../components/SelectField'
import { FormError } from '../../components/FormError'
import { BackToAdmin, ButtonText, Confirm, FilterLinks } from './components'
import { TAG_KINDS, type Tag, type TagKind } from './types'
import { RoleGate } from '../../components/RoleGate'
import { useApiForm } from '../../lib/useApiForm'
import { oneOf } from '../../lib/oneOf'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './admin.css'
import './texts'

function isKind(value: string | null): value is TagKind {
  return value !== null && oneOf(TAG_KINDS, value)
}

/** /admin/tags: the labels per kind, adding and retiring. The kind is kept in the URL (?kind=). */
export default function TagsPage() {
  const { t } = useTranslation()
  const title = t('admin.tags.title')
  useDocumentTitle(title)
  return (
    <RoleGate role="admin" title={title}>
      <Heading1>{title}</Heading1>
      <BackToAdmin />
      <Tags />
    </RoleGate>
  )
}

function Tags() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const raw = params.get('kind')
  const kind: TagKind = isKind(raw) ? raw : 'skill'
  const tags = useQuery({ queryKey: adminKeys.tags(), queryFn: listAllTags })
  const lang = i18n.language
  const label = (tag: Tag) => (lang.startsWith('en') ? tag.label_en : tag.label_nl)
  const shown = (tags.data ?? []).filter((x) => x.kind === kind).sort((a, b) => label(a).localeCompare(label(b), lang))

  return (
    <>
      <Paragraph>{t('admin.tags.intro')}</Paragraph>
      <FilterLinks
        label={t('admin.tags.kindFilter')}
        items={TAG_KINDS.map((k) => ({ to: `/admin/tags?kind=${k}`, text: t(`admin.tags.kind_${k}`), current: k === kind }))}
      />
      <Heading2>{t('admin.tags.listTitle', { kind: t(`admin.tags.kind_${kind}`) })}</Heading2>
      {tags.isPending && <Loading />}
      {tags.isError && <ErrorAlert error={tags.error} onRetry={() => void tags.refetch()} />}
      {tags.isSuccess && shown.length === 0 && <Paragraph>{t('admin.tags.empty')}</Paragraph>}
      {shown.length > 0 && (
        <ul className="admin-rows">
          {shown.map((tag) => (
            <TagRow key={tag.id} tag={tag} label={label(tag)} />
          ))}
        </ul>
      )}
      <Heading2>{t('admin.tags.addTitle')}</Heading2>
      <CreateTagForm
        initialKind={kind}
        onCreated={(created) => {
          if (created.kind !== kind) setParams({ kind: created.kind })
        }}
      />
    </>
  )
}

function TagRow({ tag, label }: { tag: Tag; label: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const retire = useMutation({
    mutationFn: () => retireTag(tag.id),
    onSuccess: () => {
      setConfirming(false)
      void queryClient.invalidateQueries({ queryKey: sharedKeys.tags })
    },
  })
  const other = label === tag.label_nl ? tag.label_en : tag.label_nl
  return (
    <li className="admin-rows__item">
      <div className="admin-tree__row">
        <span className="admin-tree__name">{label}</span>{' '}
        <span className="admin-tree__meta">
          {other} · {t('admin.tags.key', { key: tag.key })}
        </span>
        {tag.retired && (
          <>
            {' '}
            <span className="admin-badge">{t('admin.tags.retired')}</span>
          </>
        )}
      </div>
      {retire.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('admin.tags.retiredDone', { label })}</Paragraph>
        </Alert>
      )}
      {!tag.retired && !confirming && (
        <Button
          ref={opener}
          appearance="secondary-action-button"
          hint="danger"
          onClick={() => {
            retire.reset()
            setConfirming(true)
          }}
        >
          <ButtonText text={t('admin.tags.retire')} hidden={label} />
        </Button>
      )}
      {confirming && (
        <Confirm
          id={`retire-${tag.id}`}
          question={t('admin.tags.retireQuestion', { label })}
          confirmLabel={t('admin.tags.retireConfirm', { label })}
          busy={retire.isPending}
          onConfirm={() => retire.mutate()}
          onCancel={() => {
            setConfirming(false)
            requestAnimationFrame(() => opener.current?.focus())
          }}
        >
          <Paragraph>{t('admin.tags.retireHelp')}</Paragraph>
          {retire.isError && <ErrorAlert error={retire.error} />}
        </Confirm>
      )}
    </li>
  )
}

function CreateTagForm({ initialKind, onCreated }: { initialKind: TagKind; onCreated: (tag: Tag) => void }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<TagKind>(initialKind)
  const [key, setKey] = useState('')
  const [labelNl, setLabelNl] = useState('')
  const [labelEn, setLabelEn] = useState('')
  // Follow the list's kind until someone picks one here.
  const [kindTouched, setKindTouched] = useState(false)
  const chosenKind = kindTouched ? kind : initialKind
  const {
    mutation: create,
    fields,
    formError,
  } = useApiForm(
    () => createTag({ kind: chosenKind, key: key.trim(), label_nl: labelNl, label_en: labelEn }),
    (tag) => {
      setKey('')
      setLabelNl('')
      setLabelEn('')
      setKindTouched(false)
      void queryClient.invalidateQueries({ queryKey: sharedKeys.tags })
      onCreated(tag)
    },
    { codeFields: { tag_exists: 'key' } },
  )

  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }

  const created = create.data
  return (
    <form className="meedoen-form" onSubmit={submit} noValidate aria-label={t('admin.tags.addTitle')}>
      <FormError scope="admin" code={formError} />
      <ErrorSummary
        errors={fields}
        scope="admin"
        targets={{
          kind: { id: 'tag-kind', label: t('admin.tags.kindField') },
          key: { id: 'tag-key', label: t('admin.tags.keyField') },
          label_nl: { id: 'tag-label-nl', label: t('admin.tags.labelNl') },
          label_en: { id: 'tag-label-en', label: t('admin.tags.labelEn') },
        }}
      />
      <SelectField
        errorScope="admin"
        id="tag-kind"
        errorField="kind"
        label={t('admin.tags.kindField')}
        value={chosenKind}
        onChange={(v) => {
          if (isKind(v)) {
            setKind(v)
            setKindTouched(true)
          }
        }}
        options={TAG_KINDS.map((k) => ({ value: k, label: t(`admin.tags.kind_${k}`) }))}
        error={fields.kind}
      />
      <TextField errorScope="admin" id="tag-key" errorField="key" label={t('admin.tags.keyField')} description={t('admin.tags.keyHelp')} value={key} onChange={setKey} error={fields.key} maxLength={40} />
      <TextField errorScope="admin" id="tag-label-nl" errorField="label_nl" label={t('admin.tags.labelNl')} value={labelNl} onChange={setLabelNl} error={fields.label_nl} maxLength={60} />
      <TextField errorScope="admin" id="tag-label-en" errorField="label_en" label={t('admin.tags.labelEn')} value={labelEn} onChange={setLabelEn} error={fields.label_en} maxLength={60} />
      {created && (
        <Alert type="ok" role="status">
          <Paragraph>{t('admin.tags.added', { label: i18n.language.startsWith('en') ? created.label_en : created.label_nl })}</Paragraph>
        </Alert>
      )}
      <Button type="submit" appearance="primary-action-button" busy={create.isPending} disabled={create.isPending}>
        {create.isPending ? t('admin.tags.adding') : t('admin.tags.add')}
      </Button>
    </form>
  )
}
