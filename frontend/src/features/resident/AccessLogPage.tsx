import { useInfiniteQuery } from '@tanstack/react-query'
import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { myAccessLog, residentKeys } from './api'
import { AppButtonLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { useTokens } from '../../auth/useSession'
import { formatDateTime } from '../../lib/dates'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './texts'

export default function AccessLogPage() {
  const { t, i18n } = useTranslation()
  useDocumentTitle(t('resident.accessLog.title'))
  const tokens = useTokens()
  const log = useInfiniteQuery({
    queryKey: residentKeys.accessLog(),
    queryFn: ({ pageParam }: { pageParam: string | null }) => myAccessLog(pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    enabled: tokens !== null,
  })

  if (!tokens) {
    return (
      <>
        <Heading1>{t('resident.accessLog.title')}</Heading1>
        <Paragraph>{t('resident.accessLog.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/access-log">{t('app.login')}</AppButtonLink>
      </>
    )
  }

  const items = log.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <Heading1>{t('resident.accessLog.title')}</Heading1>
      <Paragraph>{t('resident.accessLog.intro')}</Paragraph>
      {log.isPending && <Loading />}
      {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && items.length === 0 && <Paragraph>{t('resident.accessLog.empty')}</Paragraph>}
      {items.length > 0 && (
        <ul className="meedoen-cards meedoen-log">
          {items.map((e, i) => (
            <li key={`${e.at}-${i}`} className="meedoen-card">
              <dl className="meedoen-log__entry">
                <dt>{t('resident.accessLog.who')}</dt>
                <dd>{e.worker_display_name}</dd>
                <dt>{t('resident.accessLog.when')}</dt>
                <dd>
                  <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                </dd>
                <dt>{t('resident.accessLog.what')}</dt>
                <dd>{t(`resident.accessLog.what_${e.what}`)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={log} label={t('resident.accessLog.loadMore')} />
    </>
  )
}
