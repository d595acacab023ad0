import { Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink'
import { AdminGate } from './components'
import './admin.css'
import './texts'

const PARTS = ['districts', 'tags', 'organisations', 'workers'] as const

/** /admin: the start of the municipality's administration, with the four parts. */
export default function AdminHomePage() {
  const { t } = useTranslation()
  return (
    <AdminGate title={t('admin.home.title')} back={false}>
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
    </AdminGate>
  )
}
