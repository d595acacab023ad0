import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../auth/useSession'
import { AppButtonLink } from '../../components/AppLink'
import { CheckboxField } from '../../components/CheckboxField'
import { RadioGroup } from '../../components/ChoiceGroups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { Loading } from '../../components/Loading'
import { useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { getMySettings, notificationKeys, saveMySettings } from './api'
import { SIGNUP_ALERTS, type NotificationSettings } from './types'
import './texts'

/** The four settings; the ids of their inputs are the API's field names. */
type Field = keyof NotificationSettings
const FIELDS: readonly Field[] = ['signup_alerts', 'reminders', 'weekly_digest', 'message_emails']

/**
 * /settings/notifications: which emails the signed-in person gets. Members of an organisation also choose how they
 * hear about new sign-ups; for everyone else that setting is sent back unchanged (the API takes all four).
 */
export default function SettingsPage() {
  const { t } = useTranslation()
  const title = t('notifications.settings.title')
  useDocumentTitle(title)
  const { tokens, me, isLoading } = useMe()
  const settings = useQuery({ queryKey: notificationKeys.settings(), queryFn: getMySettings, enabled: tokens !== null })

  if (!tokens) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <Paragraph>{t('notifications.settings.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/settings/notifications">{t('app.login')}</AppButtonLink>
      </>
    )
  }
  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>{t('notifications.settings.intro')}</Paragraph>
      {settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data && !isLoading ? (
        // The same rule as the menu's "Mijn organisatie": a member of at least one organisation.
        <SettingsForm saved={settings.data} member={(me?.organisations.length ?? 0) > 0} />
      ) : (
        <Loading />
      )}
    </>
  )
}

function SettingsForm({ saved, member }: { saved: NotificationSettings; member: boolean }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<NotificationSettings>(saved)
  const [done, setDone] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const status = useRef<HTMLDivElement>(null)
  const shown: readonly Field[] = member ? FIELDS : FIELDS.filter((f) => f !== 'signup_alerts')
  const { mutation, fields, formError } = useApiForm(
    (settings: NotificationSettings) => saveMySettings(settings),
    (answer) => {
      queryClient.setQueryData(notificationKeys.settings(), answer)
      setDraft(answer)
      setDone(true)
    },
    // A field the form does not show (sign-up alerts for someone outside an organisation) cannot carry its error:
    // that one goes above the form.
    { shownFields: shown },
  )
  // The saved message takes the focus, so keyboard and screen reader users hear that it worked.
  useEffect(() => {
    if (done) status.current?.focus()
  }, [done])

  const set = <K extends Field>(key: K, value: NotificationSettings[K]) => {
    setDone(false)
    setDraft((d) => ({ ...d, [key]: value }))
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    setDone(false)
    setAttempt((n) => n + 1)
    mutation.mutate(draft)
  }

  const labels: Record<Field, string> = {
    signup_alerts: t('notifications.settings.signupAlerts.legend'),
    reminders: t('notifications.settings.reminders'),
    weekly_digest: t('notifications.settings.weeklyDigest'),
    message_emails: t('notifications.settings.messageEmails'),
  }
  // The summary links to the fields on the page (the radio group's fieldset takes the focus to its first button).
  const targets = Object.fromEntries(shown.map((f) => [f, { id: f, label: labels[f] }]))
  const summary = Object.fromEntries(Object.entries(fields).filter(([f]) => shown.some((name) => f === name || f.startsWith(`${name}.`))))

  return (
    <form onSubmit={submit} noValidate className="meedoen-notification-settings">
      <FormError code={formError} />
      <ErrorSummary errors={summary} targets={targets} focusKey={attempt} />
      {member && (
        <RadioGroup
          id="signup_alerts"
          legend={labels.signup_alerts}
          help={t('notifications.settings.signupAlerts.help')}
          error={fields.signup_alerts}
          options={SIGNUP_ALERTS.map((key) => ({
            key,
            label: t(`notifications.settings.signupAlerts.${key}`),
            description: key === 'daily' ? t('notifications.settings.signupAlerts.dailyHelp') : undefined,
          }))}
          value={draft.signup_alerts}
          onChange={(v) => set('signup_alerts', v)}
        />
      )}
      <CheckboxField
        id="reminders"
        label={labels.reminders}
        description={t('notifications.settings.remindersHelp')}
        checked={draft.reminders}
        onChange={(v) => set('reminders', v)}
        error={fields.reminders}
      />
      <CheckboxField
        id="weekly_digest"
        label={labels.weekly_digest}
        description={t('notifications.settings.weeklyDigestHelp')}
        checked={draft.weekly_digest}
        onChange={(v) => set('weekly_digest', v)}
        error={fields.weekly_digest}
      />
      <CheckboxField
        id="message_emails"
        label={labels.message_emails}
        description={t('notifications.settings.messageEmailsHelp')}
        checked={draft.message_emails}
        onChange={(v) => set('message_emails', v)}
        error={fields.message_emails}
      />
      {done && (
        <Alert ref={status} tabIndex={-1} type="ok" role="status">
          <Paragraph>{t('notifications.settings.saved')}</Paragraph>
        </Alert>
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t('notifications.settings.saving') : t('notifications.settings.save')}
        </Button>
      </ButtonGroup>
    </form>
  )
}
