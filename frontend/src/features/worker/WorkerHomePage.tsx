import { Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { useMe } from '../../auth/useSession'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { FollowUpsLink } from '../follow-ups/links'
import { ErrorAlert } from '../../components/ErrorAlert'
import { childNames, useWorkerScope } from './scope'
import { RoleGate } from '../../components/RoleGate'
import './worker.css'
import './texts'

export default function WorkerHomePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('worker.home.title'))
  return (
    <RoleGate role="worker" title={t('worker.home.title')}>
      <WorkerHome />
    </RoleGate>
  )
}

function WorkerHome() {
  const { t } = useTranslation()
  const { me } = useMe()
  const { mine, tree } = useWorkerScope(Boolean(me))
  return (
    <>
      <Heading1>{t('worker.home.title')}</Heading1>
      <Paragraph>{t('worker.home.intro')}</Paragraph>
      <div className="meedoen-notice">
        <Heading2 className="meedoen-worker__subtitle">{t('worker.home.privacyTitle')}</Heading2>
        <Paragraph>{t('worker.home.privacy1')}</Paragraph>
        <Paragraph>{t('worker.home.privacy2')}</Paragraph>
      </div>

      <Heading2>{t('worker.home.myDistricts')}</Heading2>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorAlert scope="worker" error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && mine.data.length === 0 && <Paragraph>{t('worker.home.districtsEmpty')}</Paragraph>}
      {mine.isSuccess && mine.data.length > 0 && (
        <ul className="meedoen-cards meedoen-worker__districts">
          {mine.data.map((d) => {
            const names = childNames(d, tree.data)
            return (
              <li key={d.id} className="meedoen-card">
                <p className="meedoen-card__title meedoen-worker__district">{d.name}</p>
                {names.length > 0 && <p className="meedoen-card__meta">{t('worker.home.includes', { names: names.join(', ') })}</p>}
              </li>
            )
          })}
        </ul>
      )}

      <Heading2>{t('worker.home.whatNext')}</Heading2>
      <UnorderedList className="meedoen-worker__links">
        <UnorderedListItem>
          <AppLink to="/worker/residents">{t('worker.home.toResidents')}</AppLink>
          <p>{t('worker.home.toResidentsHelp')}</p>
        </UnorderedListItem>
        <UnorderedListItem>
          <AppLink to="/worker/assignments">{t('worker.home.toAssignments')}</AppLink>
          <p>{t('worker.home.toAssignmentsHelp')}</p>
        </UnorderedListItem>
        <UnorderedListItem>
          <AppLink to="/worker/referrals">{t('worker.home.toReferrals')}</AppLink>
          <p>{t('worker.home.toReferralsHelp')}</p>
        </UnorderedListItem>
        <UnorderedListItem>
          <FollowUpsLink />
        </UnorderedListItem>
      </UnorderedList>
    </>
  )
}
