import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { useMe } from '../../auth/useSession'
import { oneOf } from '../../lib/oneOf'
import { useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { createOrganisation, getOrganisation, organisationKeys } from './api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { SelectField, SelectOption } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { StatusMessage } from './components'
import { DistrictChecklist } from '../../components/DistrictChecklist'
import { ORGANISATION_KINDS, type Membership, type OrganisationKind } from './types'
import { sharedKeys, useDistricts } from '../../api/queries'
import './organisation.css'
import './texts'

export default function OrganisationsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('organisation.list.title'))
  const { tokens, me, isLoading } = useMe()

  if (!tokens) {
    return (
      <>
        <Heading1>{t('organisation.list.title')}</Heading1>
        <Paragraph>{t('organisation.list.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/organisation">{t('app.login')}</AppButtonLink>
      </>
    )
  }

  return (
    <>
      <Heading1>{t('organisation.list.title')}</Heading1>
      <Paragraph>{t('organisation.list.intro')}</Paragraph>
      {isLoading && <Loading />}
      {me && me.organisations.length === 0 && <Paragraph>{t('organisation.list.empty')}</Paragraph>}
      {me && me.organisations.length > 0 && (
        <ul className="meedoen-cards">
          {me.organisations.map((o) => (
            <MembershipCard key={o.id} membership={o} />
          ))}
        </ul>
      )}
      {me && <RegisterForm defaultEmail={me.email} />}
    </>
  )
}

function MembershipCard({ membership }: { membership: Membership }) {
  const { t } = useTranslation()
  // The reason of a rejection is only in the organisation itself.
  const detail = useQuery({
    queryKey: organisationKeys.detail(membership.id),
    queryFn: () => getOrganisation(membership.id),
    enabled: membership.status === 'rejected',
  })
  return (
    <li className="meedoen-card">
      <h2 className="utrecht-heading-3 meedoen-card__title">
        <AppLink to={`/organisation/${membership.id}`}>{membership.name}</AppLink>
      </h2>
      <p>
        <strong className={`meedoen-org-badge meedoen-org-badge--${membership.status}`}>{t(`organisation.status.${membership.status}`)}</strong>
      </p>
      <p>{t(`organisation.statusText.${membership.status}`)}</p>
      {membership.status === 'rejected' && detail.data?.rejection_reason && (
        <div className="meedoen-note">
          <p className="meedoen-note__title">{t('organisation.list.reason')}</p>
          <p>{detail.data.rejection_reason}</p>
        </div>
      )}
      <p className="meedoen-card__meta">{t(`organisation.role.${membership.role}`)}</p>
    </li>
  )
}

interface Draft {
  name: string
  kind: OrganisationKind | ''
  description: string
  district_ids: string[]
  contact_email: string
  contact_phone: string
  website: string
}

const empty = (email: string): Draft => ({
  name: '',
  kind: '',
  description: '',
  district_ids: [],
  contact_email: email,
  contact_phone: '',
  website: '',
})

function RegisterForm({ defaultEmail }: { defaultEmail: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const districts = useDistricts()
  const [draft, setDraft] = useState<Draft>(() => empty(defaultEmail))
  const [created, setCreated] = useState<string | null>(null)
  // The kind is checked here: the server reads an empty kind as a broken request and would name only that field.
  const [local, setLocal] = useState<Record<string, string>>({})
  // Each submit the own check stops: the error summary takes the focus again.
  const [attempt, setAttempt] = useState(0)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const { mutation, fields: server, formError } = useApiForm(
    (kind: OrganisationKind) =>
      createOrganisation({
        name: draft.name,
        kind,
        description: draft.description.trim() || null,
        district_ids: draft.district_ids,
        contact_email: draft.contact_email,
        contact_phone: draft.contact_phone.trim() || null,
        website: draft.website.trim() || null,
      }),
    (org) => {
      setCreated(org.name)
      setDraft(empty(defaultEmail))
      void queryClient.invalidateQueries({ queryKey: sharedKeys.me })
    },
  )

  function submit(e: FormEvent) {
    e.preventDefault()
    setCreated(null)
    if (!draft.kind) {
      mutation.reset()
      setLocal({ kind: 'required' })
      setAttempt((n) => n + 1)
      return
    }
    setLocal({})
    mutation.mutate(draft.kind)
  }
  const fields: Record<string, string> = { ...server, ...local }
  if (fields.district_ids && draft.district_ids.length === 0) fields.district_ids = 'choose_district'

  return (
    <section aria-labelledby="register-org">
      <Heading2 id="register-org">{t('organisation.register.title')}</Heading2>
      <Paragraph>{t('organisation.register.intro')}</Paragraph>
      {created && <StatusMessage>{t('organisation.register.done', { name: created })}</StatusMessage>}
      <form onSubmit={submit} noValidate className="meedoen-form meedoen-org-form">
        <FormError scope="organisation" code={formError} />
        <ErrorSummary
          errors={fields}
          scope="organisation"
          focusKey={attempt}
          targets={{
            name: { id: 'org-name', label: t('organisation.form.name') },
            kind: { id: 'org-kind', label: t('organisation.form.kind') },
            description: { id: 'org-description', label: t('organisation.form.description') },
            district_ids: { id: 'org-districts', label: t('organisation.form.districts') },
            contact_email: { id: 'org-email', label: t('organisation.form.email') },
            contact_phone: { id: 'org-phone', label: t('organisation.form.phone') },
            website: { id: 'org-website', label: t('organisation.form.website') },
          }}
        />
        <TextField errorScope="organisation" id="org-name" label={t('organisation.form.name')} value={draft.name} onChange={(v) => set('name', v)} error={fields.name} required maxLength={120} />
        <SelectField errorScope="organisation" id="org-kind" label={t('organisation.form.kind')} value={draft.kind} onChange={(v) => set('kind', oneOf(ORGANISATION_KINDS, v) ? v : '')} error={fields.kind}>
          <SelectOption value="">{t('organisation.form.chooseKind')}</SelectOption>
          {ORGANISATION_KINDS.map((k) => (
            <SelectOption key={k} value={k}>
              {t(`organisation.kind.${k}`)}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          errorScope="organisation"
          id="org-description"
          label={t('organisation.form.description')}
          description={t('organisation.form.descriptionHelp')}
          value={draft.description}
          onChange={(v) => set('description', v)}
          error={fields.description}
          multiline
          maxLength={2000}
        />
        {districts.isPending && <Loading />}
        {districts.isError && <ErrorAlert scope="organisation" error={districts.error} onRetry={() => void districts.refetch()} />}
        {districts.data && (
          <DistrictChecklist
            id="org-districts"
            legend={t('organisation.form.districts')}
            help={t('organisation.form.districtsHelp')}
            tree={districts.data}
            value={draft.district_ids}
            onChange={(v) => set('district_ids', v)}
            error={fields.district_ids}
            errorScope="organisation"
            wholeMunicipality={(name) => t('organisation.form.wholeMunicipality', { name })}
            wholeArea={(name) => t('organisation.form.wholeArea', { name })}
          />
        )}
        <TextField
          errorScope="organisation"
          id="org-email"
          type="email"
          autoComplete="email"
          label={t('organisation.form.email')}
          description={t('organisation.form.emailHelp')}
          value={draft.contact_email}
          onChange={(v) => set('contact_email', v)}
          error={fields.contact_email}
          required
        />
        <TextField errorScope="organisation" id="org-phone" type="tel" autoComplete="tel" label={t('organisation.form.phone')} value={draft.contact_phone} onChange={(v) => set('contact_phone', v)} error={fields.contact_phone} maxLength={30} />
        <TextField
          errorScope="organisation"
          id="org-website"
          type="url"
          autoComplete="url"
          label={t('organisation.form.website')}
          description={t('organisation.form.websiteHelp')}
          value={draft.website}
          onChange={(v) => set('website', v)}
          error={fields.website}
          maxLength={200}
        />
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t('organisation.register.sending') : t('organisation.register.send')}
        </Button>
      </form>
    </section>
  )
}
