import { useTranslation } from 'react-i18next'
import { useSite } from '../../api/queries'
import { AppLink } from '../../components/AppLink'
import { ContactList } from './ContactList'
import './site.css'
import './texts'

/** The footer of every page: whose service this is and how to reach them, the programme and the statements. */
export function SiteFooter() {
  const { t } = useTranslation()
  const municipality = useSite().data?.municipality
  return (
    <div className="meedoen-footer__inner">
      <section className="meedoen-footer__section" aria-labelledby="meedoen-footer-contact">
        <h2 id="meedoen-footer-contact" className="meedoen-footer__title">
          {t('site.contact')}
        </h2>
        <p className="meedoen-footer__text">{municipality ? t('site.serviceOf', { name: municipality.name }) : t('app.footer')}</p>
        {municipality && <ContactList municipality={municipality} />}
      </section>
      <nav className="meedoen-footer__section" aria-labelledby="meedoen-footer-about">
        <h2 id="meedoen-footer-about" className="meedoen-footer__title">
          {t('site.about')}
        </h2>
        <ul className="meedoen-footer__links">
          <li>
            <AppLink to="/programma">{t('site.programme')}</AppLink>
          </li>
          <li>
            <AppLink to="/privacy">{t('site.privacy')}</AppLink>
          </li>
          <li>
            <AppLink to="/toegankelijkheid">{t('site.accessibility')}</AppLink>
          </li>
        </ul>
      </nav>
    </div>
  )
}
