import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useSite } from '../../api/queries'
import './site.css'

/**
 * The header's link to the home page: the municipality's logo (its name as the alt text; the name itself when
 * there is no logo) and the product's name, which stays visible.
 */
export function SiteBrand() {
  const { t } = useTranslation()
  const municipality = useSite().data?.municipality
  return (
    <NavLink to="/" className="meedoen-logo">
      {municipality?.logo_url ? (
        <img className="meedoen-logo__image" src={municipality.logo_url} alt={municipality.name} />
      ) : (
        municipality && <span className="meedoen-logo__municipality">{municipality.name}</span>
      )}{' '}
      <span className="meedoen-logo__name">{t('app.name')}</span>
    </NavLink>
  )
}
