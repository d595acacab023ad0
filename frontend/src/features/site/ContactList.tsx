import { useTranslation } from 'react-i18next'
import { safeWebsite, telHref, websiteLabel } from '../../lib/contact'
import type { Municipality } from './types'
import './texts'

/** The municipality's email, phone and website as a list of links; nothing when none is configured. */
export function ContactList({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation()
  const { contact_email: email, contact_phone: phone, website } = municipality
  const href = website ? safeWebsite(website) : null
  if (!email && !phone && !website) return null
  return (
    <dl className="meedoen-contact">
      {email && (
        <div className="meedoen-contact__row">
          <dt>{t('site.email')}</dt>
          <dd>
            <a className="utrecht-link utrecht-link--html-a" href={`mailto:${email}`}>
              {email}
            </a>
          </dd>
        </div>
      )}
      {phone && (
        <div className="meedoen-contact__row">
          <dt>{t('site.phone')}</dt>
          <dd>
            <a className="utrecht-link utrecht-link--html-a" href={telHref(phone)}>
              {phone}
            </a>
          </dd>
        </div>
      )}
      {website && (
        <div className="meedoen-contact__row">
          <dt>{t('site.website')}</dt>
          <dd>
            {href ? (
              <a className="utrecht-link utrecht-link--html-a" href={href}>
                {websiteLabel(website)}
              </a>
            ) : (
              website
            )}
          </dd>
        </div>
      )}
    </dl>
  )
}
