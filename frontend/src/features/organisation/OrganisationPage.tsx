import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import type { DistrictNode, Offer } from '../../api/types'
import { sharedKeys, useDistricts } from '../../api/queries'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { useMe } from '../../auth/useSession'
import { districtNames } from '../../lib/districts'
import { useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { addMember, getOrganisation, listMembers, listOrganisationOffers, organisationKeys, removeMember, updateOrganisation } from './api'
import { RadioGroup } from '../../components/ChoiceGroups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { TextField } from '../../components/TextField'
import { StatusMessage } from './components'
import { DistrictChecklist } from '../../components/DistrictChecklist'
import { OfferActions } from './OfferActions'
import type { Member, MemberRole, Organisation } from './types'
import './organisation.css'
import './texts'

export default function OrganisationPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { tokens, me } = useMe()
  const organisation = useQuery({ queryKey: organisationKeys.detail(id), queryFn: () => getOrganisation(id) })
  const districts = useDistricts()
  useDocumentTitle(organisation.data?.name ?? t('organisation.page.title'))
  const membership = me?.organisations.find((o) => o.id === id)

  if (!tokens) {
    return (
      <>
        <Heading1>{t('organisation.page.title')}</Heading1>
        <Paragraph>{t('organisation.list.needLogin')}</Paragraph>
        <AppButtonLink to={`/login?next=/organisation/${id}`}>{t('app.login')}</AppButtonLink>
      </>
    )
  }

  if (organisation.isPending || !me) {
    return (
      <>
        <Heading1>{t('organisation.page.title')}</Heading1>
        <Loading />
      </>
    )
  }
  if (organisation.isError) {
    const notFound = toApiError(organisation.error).status === 404
    return (
      <>
        <Heading1>{t('organisation.page.title')}</Heading1>
        {notFound ? <Paragraph>{t('organisation.page.notFound')}</Paragraph> : <ErrorAlert scope="organisation" error={organisation.error} onRetry={() => void organisation.refetch()} />}
        <Paragraph>
          <AppLink to="/organisation">{t('organisation.page.back')}</AppLink>
        </Paragraph>
      </>
    )
  }

  const org = organisation.data
  return (
    <>
      <Paragraph>
        <AppLink to="/organisation">{t('organisation.page.back')}</AppLink>
      </Paragraph>
      <Heading1>{org.name}</Heading1>
      <p>
        <strong className={`meedoen-org-badge meedoen-org-badge--${org.status}`}>{t(`organisation.status.${org.status}`)}</strong>
      </p>
      {membership ? (
        <Paragraph>{t(`organisation.statusText.${org.status}`)}</Paragraph>
      ) : (
        <div className="meedoen-notice" role="note">
          <Paragraph>{t('organisation.page.notMember')}</Paragraph>
        </div>
      )}
      {org.status === 'rejected' && org.rejection_reason && (
        <div className="meedoen-note">
          <p className="meedoen-note__title">{t('organisation.list.reason')}</p>
          <p>{org.rejection_reason}</p>
        </div>
      )}
      <Details organisation={org} tree={districts.data ?? []} canEdit={membership?.role === 'owner'} />
      {membership && (
        <>
          <Offers organisation={org} />
          <Members organisation={org} isOwner={membership.role === 'owner'} myId={me.id} />
        </>
      )}
    </>
  )
}

function Details({ organisation, tree, canEdit }: { organisation: Organisation; tree: readonly DistrictNode[]; canEdit: boolean }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const o = organisation
  const names = districtNames(tree)
  return (
    <section className="meedoen-org-section" aria-labelledby="org-details">
      <Heading2 id="org-details">{t('organisation.page.details')}</Heading2>
      {saved && <StatusMessage>{t('organisation.page.saved')}</StatusMessage>}
      {editing ? (
        <EditForm
          organisation={o}
          tree={tree}
          onDone={(ok) => {
            setEditing(false)
            setSaved(ok)
          }}
        />
      ) : (
        <>
          <DataList className="meedoen-facts">
            <DataListItem>
              <DataListKey>{t('organisation.form.kind')}</DataListKey>
              <DataListValue>{t(`organisation.kind.${o.kind}`)}</DataListValue>
            </DataListItem>
            {o.description && (
              <DataListItem>
                <DataListKey>{t('organisation.page.about')}</DataListKey>
                <DataListValue className="meedoen-description">{o.description}</DataListValue>
              </DataListItem>
            )}
            <DataListItem>
              <DataListKey>{t('organisation.page.districts')}</DataListKey>
              <DataListValue>{tree.length > 0 ? o.district_ids.map((id) => names.get(id) ?? id).join(', ') : '…'}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('organisation.page.email')}</DataListKey>
              <DataListValue>{o.contact_email}</DataListValue>
            </DataListItem>
            {o.contact_phone && (
              <DataListItem>
                <DataListKey>{t('organisation.page.phone')}</DataListKey>
                <DataListValue>{o.contact_phone}</DataListValue>
              </DataListItem>
            )}
            {o.website && (
              <DataListItem>
                <DataListKey>{t('organisation.page.website')}</DataListKey>
                <DataListValue>
                  <a className="utrecht-link utrecht-link--html-a" href={o.website} rel="noopener noreferrer">
                    {o.website}
                  </a>
                </DataListValue>
              </DataListItem>
            )}
          </DataList>
          {canEdit && (
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setSaved(false)
                setEditing(true)
              }}
            >
              {t('organisation.page.edit')}
            </Button>
          )}
        </>
      )}
    </section>
  )
}

function EditForm({ organisation, tree, onDone }: { organisation: Organisation; tree: readonly DistrictNode[]; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const o = organisation
  const [draft, setDraft] = useState({
    name: o.name,
    description: o.description,
    district_ids: [...o.district_ids],
    contact_email: o.contact_email,
    contact_phone: o.contact_phone ?? '',
    website: o.website ?? '',
  })
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const { mutation, fields: server, formError } = useApiForm(
    () =>
      updateOrganisation(o.id, {
        name: draft.name,
        description: draft.description,
        district_ids: draft.district_ids,
        contact_email: draft.contact_email,
        contact_phone: draft.contact_phone.trim() || null,
        website: draft.website.trim() || null,
      }),
    (updated) => {
      queryClient.setQueryData(organisationKeys.detail(o.id), updated)
      void queryClient.invalidateQueries({ queryKey: sharedKeys.me })
      onDone(true)
    },
  )
  const fields: Record<string, string> = { ...server }
  if (fields.district_ids && draft.district_ids.length === 0) fields.district_ids = 'choose_district'
  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }
  return (
    <form onSubmit={submit} noValidate className="meedoen-form meedoen-org-form">
      <FormError scope="organisation" code={formError} />
      <ErrorSummary
        errors={fields}
        scope="organisation"
        targets={{
          name: { id: 'edit-name', label: t('organisation.form.name') },
          description: { id: 'edit-description', label: t('organisation.form.description') },
          district_ids: { id: 'edit-districts', label: t('organisation.form.districts') },
          contact_email: { id: 'edit-email', label: t('organisation.form.email') },
          contact_phone: { id: 'edit-phone', label: t('organisation.form.phone') },
          website: { id: 'edit-website', label: t('organisation.form.website') },
        }}
      />
      <TextField errorScope="organisation" id="edit-name" label={t('organisation.form.name')} value={draft.name} onChange={(v) => set('name', v)} error={fields.name} required maxLength={120} />
      <TextField errorScope="organisation" id="edit-description" label={t('organisation.form.description')} value={draft.description} onChange={(v) => set('description', v)} error={fields.description} multiline maxLength={2000} />
      {tree.length > 0 && (
        <DistrictChecklist
          id="edit-districts"
          legend={t('organisation.form.districts')}
          help={t('organisation.form.districtsHelp')}
          tree={tree}
          value={draft.district_ids}
          onChange={(v) => set('district_ids', v)}
          error={fields.district_ids}
          errorScope="organisation"
          wholeMunicipality={(name) => t('organisation.form.wholeMunicipality', { name })}
          wholeArea={(name) => t('organisation.form.wholeArea', { name })}
        />
      )}
      <TextField errorScope="organisation" id="edit-email" type="email" label={t('organisation.form.email')} value={draft.contact_email} onChange={(v) => set('contact_email', v)} error={fields.contact_email} required />
      <TextField errorScope="organisation" id="edit-phone" type="tel" label={t('organisation.form.phone')} value={draft.contact_phone} onChange={(v) => set('contact_phone', v)} error={fields.contact_phone} maxLength={30} />
      <TextField errorScope="organisation" id="edit-website" type="url" label={t('organisation.form.website')} value={draft.website} onChange={(v) => set('website', v)} error={fields.website} maxLength={200} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('organisation.page.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(false)}>
          {t('organisation.page.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  )
}

function Offers({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation()
  const offers = useQuery({ queryKey: organisationKeys.offers(organisation.id), queryFn: () => listOrganisationOffers(organisation.id) })
  const verified = organisation.status === 'verified'
  return (
    <section className="meedoen-org-section" aria-labelledby="org-offers">
      <Heading2 id="org-offers">{t('organisation.offers.title')}</Heading2>
      {organisation.status === 'pending' && (
        <div className="meedoen-notice">
          <Paragraph>{t('organisation.offers.pendingNote')}</Paragraph>
        </div>
      )}
      {organisation.status === 'rejected' ? (
        <Paragraph>{t('organisation.offers.rejectedNote')}</Paragraph>
      ) : (
        <AppButtonLink to={`/organisation/${organisation.id}/offers/new`}>{t('organisation.offers.new')}</AppButtonLink>
      )}
      {offers.isPending && <Loading />}
      {offers.isError && <ErrorAlert scope="organisation" error={offers.error} onRetry={() => void offers.refetch()} />}
      {offers.isSuccess && offers.data.length === 0 && <Paragraph>{t('organisation.offers.empty')}</Paragraph>}
      {offers.isSuccess && offers.data.length > 0 && (
        <ul className="meedoen-cards">
          {offers.data.map((offer) => (
            <OfferCard key={offer.id} offer={offer} canPublish={verified} />
          ))}
        </ul>
      )}
    </section>
  )
}

function OfferCard({ offer, canPublish }: { offer: Offer; canPublish: boolean }) {
  const { t } = useTranslation()
  return (
    <li className="meedoen-card">
      <p className="meedoen-card__kind">{t(`kind.${offer.kind}`)}</p>
      <h3 className="utrecht-heading-3 meedoen-card__title">{offer.title}</h3>
      <p>
        <strong className={`meedoen-org-badge meedoen-org-badge--${offer.status}`}>{t(`organisation.offerStatus.${offer.status}`)}</strong>
      </p>
      <p className="meedoen-card__meta">{t('offerCard.in', { district: offer.district_name })}</p>
      <p>{t('organisation.offers.places', { free: offer.free_places, capacity: offer.capacity })}</p>
      <p>{offer.auto_accept ? t('organisation.offerForm.autoAcceptYes') : t('organisation.offerForm.autoAcceptNo')}</p>
      <ul className="meedoen-org-links">
        <li>
          <AppLink to={`/organisation/offers/${offer.id}/edit`} aria-label={t('organisation.offers.editLabel', { title: offer.title })}>
            {t('organisation.offers.edit')}
          </AppLink>
        </li>
        <li>
          <AppLink to={`/organisation/offers/${offer.id}/signups`} aria-label={t('organisation.offers.signupsLabel', { title: offer.title })}>
            {t('organisation.offers.signups')}
          </AppLink>
        </li>
        {offer.status !== 'draft' && (
          <li>
            <AppLink to={`/offers/${offer.id}`} aria-label={t('organisation.offers.viewLabel', { title: offer.title })}>
              {t('organisation.offers.view')}
            </AppLink>
          </li>
        )}
      </ul>
      <OfferActions offer={offer} canPublish={canPublish} />
    </li>
  )
}

function Members({ organisation, isOwner, myId }: { organisation: Organisation; isOwner: boolean; myId: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const members = useQuery({ queryKey: organisationKeys.members(organisation.id), queryFn: () => listMembers(organisation.id) })
  const [message, setMessage] = useState<string | null>(null)
  const remove = useMutation({
    mutationFn: (m: Member) => removeMember(organisation.id, m.user_id),
    onSuccess: (_, m) => {
      if (m.user_id === myId) {
        void queryClient.invalidateQueries({ queryKey: sharedKeys.me })
        void navigate('/organisation')
        return
      }
      setMessage(t('organisation.members.removed', { name: m.display_name }))
      void queryClient.invalidateQueries({ queryKey: organisationKeys.members(organisation.id) })
    },
  })

  return (
    <section className="meedoen-org-section" aria-labelledby="org-members">
      <Heading2 id="org-members">{t('organisation.members.title')}</Heading2>
      <Paragraph>{t('organisation.members.intro')}</Paragraph>
      {message && <StatusMessage>{message}</StatusMessage>}
      {remove.isError && <ErrorAlert scope="organisation" error={remove.error} />}
      {members.isPending && <Loading />}
      {members.isError && <ErrorAlert scope="organisation" error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && (
        <ul className="meedoen-org-members">
          {members.data.map((m) => {
            const me = m.user_id === myId
            return (
              <li key={m.user_id} className="meedoen-org-member">
                <div>
                  <strong>{m.display_name}</strong>
                  {me && ` ${t('organisation.members.you')}`}
                  <br />
                  <span className="meedoen-card__meta">{m.email}</span>
                  <br />
                  {t(`organisation.role.${m.role}`)}
                </div>
                {(isOwner || me) && (
                  <Button
                    appearance="secondary-action-button"
                    hint="danger"
                    busy={remove.isPending && remove.variables?.user_id === m.user_id}
                    disabled={remove.isPending}
                    onClick={() => {
                      setMessage(null)
                      remove.mutate(m)
                    }}
                  >
                    {me ? t('organisation.members.leave') : t('organisation.members.remove', { name: m.display_name })}
                  </Button>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {isOwner && (
        <AddMemberForm
          organisationId={organisation.id}
          onAdded={(email) => {
            remove.reset()
            setMessage(t('organisation.members.added', { email }))
          }}
        />
      )}
    </section>
  )
}

function AddMemberForm({ organisationId, onAdded }: { organisationId: string; onAdded: (email: string) => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<MemberRole>('member')
  const { mutation, fields, formError } = useApiForm(
    () => addMember(organisationId, email, role),
    (items) => {
      queryClient.setQueryData(organisationKeys.members(organisationId), items)
      onAdded(email.trim())
      setEmail('')
      setRole('member')
    },
  )
  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }
  return (
    <form onSubmit={submit} noValidate className="meedoen-form">
      <h3 className="utrecht-heading-3" id="add-member">
        {t('organisation.members.addTitle')}
      </h3>
      <FormError scope="organisation" code={formError} />
      <ErrorSummary
        errors={fields}
        scope="organisation"
        targets={{ email: { id: 'member-email', label: t('organisation.members.email') }, role: { id: 'member-role', label: t('organisation.members.role') } }}
      />
      <TextField
        errorScope="organisation"
        id="member-email"
        type="email"
        autoComplete="off"
        label={t('organisation.members.email')}
        description={t('organisation.members.emailHelp')}
        value={email}
        onChange={setEmail}
        error={fields.email}
        required
      />
      <RadioGroup
        errorScope="organisation"
        id="member-role"
        legend={t('organisation.members.role')}
        options={(['member', 'owner'] as const).map((r) => ({ key: r, label: t(`organisation.role.${r}`), description: t(`organisation.roleHelp.${r}`) }))}
        value={role}
        onChange={setRole}
        error={fields.role}
      />
      <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
        {t('organisation.members.add')}
      </Button>
    </form>
  )
}
