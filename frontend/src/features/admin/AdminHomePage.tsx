import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink'
import { RoleGate } from '../../components/RoleGate'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './admin.css'
import './texts'

const PARTS = ['districts', 'tags', 'organisations', 'workers'] as const

/** /admin: the start of the municipality's administration, with the four parts. */
export default function AdminHomePage() {
  const { t } = useTranslation()
  const title = t('admin.home.title')
  useDocumentTitle(title)
  return (
    <RoleGate role="admin" title={title}>
      <Heading1>{title}</Heading1>
      <Paragraph>{t('admin.home.intro')}</Paragraph>
      <ul className="meedoen-cards">
        {PARTS.map((part) => (
          <li key={part} className="meedoen-card">
            <h2 className="utrecht-heading-3 meedoen-card__title">
              <AppLink to={`/admin/${part}`}>{t(`admin.home.${part}`)}</AppLink>
            </h2>
            <p>{t(`admin.home.${part}Text`)}</p>
          </li>
        ))}
      </ul>
    </RoleGate>
  )
}
