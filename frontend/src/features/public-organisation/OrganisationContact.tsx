import { DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { safeWebsite, telHref } from '../../lib/contact'
import type { PublicOrganisation } from './types'
import './texts'

/** An organisation's public contact details (email, phone, website) as items of a definition list. */
export function OrganisationContactItems({ organisation }: { organisation: PublicOrganisation }) {
  const { t } = useTranslation()
  const website = safeWebsite(organisation.website)
  return (
    <>
      {organisation.contact_email && (
        <DataListItem>
          <DataListKey>{t('publicOrganisation.email')}</DataListKey>
          <DataListValue>
            <a className="utrecht-link utrecht-link--html-a" href={`mailto:${organisation.contact_email}`}>
              {organisation.contact_email}
            </a>
          </DataListValue>
        </DataListItem>
      )}
      {organisation.contact_phone && (
        <DataListItem>
          <DataListKey>{t('publicOrganisation.phone')}</DataListKey>
          <DataListValue>
            <a className="utrecht-link utrecht-link--html-a" href={telHref(organisation.contact_phone)}>
              {organisation.contact_phone}
            </a>
          </DataListValue>
        </DataListItem>
      )}
      {organisation.website && (
        <DataListItem>
          <DataListKey>{t('publicOrganisation.website')}</DataListKey>
          <DataListValue>
            {website ? (
              <a className="utrecht-link utrecht-link--html-a" href={website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            ) : (
              organisation.website
            )}
          </DataListValue>
        </DataListItem>
      )}
    </>
  )
}
