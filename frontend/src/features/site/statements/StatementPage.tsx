import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { useSite } from '../../../api/queries'
import { Loading } from '../../../components/Loading'
import type { TextKey } from '../../../i18n/resources'
import { useDocumentTitle } from '../../../lib/useDocumentTitle'
import { ContactList } from '../ContactList'
import type { Municipality } from '../types'
import { paragraphs } from './paragraphs'
import '../site.css'
import './texts'

export type StatementKind = 'privacy' | 'accessibility'

interface Section {
  /** The heading's id, unique on the page. */
  id: string
  title: TextKey
  text: TextKey
  /** The municipality's contact details follow the text. */
  contact?: boolean
}

/** The default statements, section by section; `{{name}}` in a text is the municipality's name. */
const DEFAULTS: Record<StatementKind, { title: TextKey; intro: TextKey; sections: Section[] }> = {
  privacy: {
    title: 'statements.privacy.title',
    intro: 'statements.privacy.intro',
    sections: [
      { id: 'data', title: 'statements.privacy.data.title', text: 'statements.privacy.data.text' },
      { id: 'purpose', title: 'statements.privacy.purpose.title', text: 'statements.privacy.purpose.text' },
      { id: 'recipients', title: 'statements.privacy.recipients.title', text: 'statements.privacy.recipients.text' },
      { id: 'cookies', title: 'statements.privacy.cookies.title', text: 'statements.privacy.cookies.text' },
      { id: 'retention', title: 'statements.privacy.retention.title', text: 'statements.privacy.retention.text' },
      { id: 'rights', title: 'statements.privacy.rights.title', text: 'statements.privacy.rights.text', contact: true },
    ],
  },
  accessibility: {
    title: 'statements.accessibility.title',
    intro: 'statements.accessibility.intro',
    sections: [
      { id: 'standard', title: 'statements.accessibility.standard.title', text: 'statements.accessibility.standard.text' },
      { id: 'measures', title: 'statements.accessibility.measures.title', text: 'statements.accessibility.measures.text' },
      { id: 'status', title: 'statements.accessibility.status.title', text: 'statements.accessibility.status.text' },
      { id: 'report', title: 'statements.accessibility.report.title', text: 'statements.accessibility.report.text', contact: true },
      { id: 'complaint', title: 'statements.accessibility.complaint.title', text: 'statements.accessibility.complaint.text' },
    ],
  },
}

/**
 * The privacy or accessibility statement: the municipality's own text when the server has one (GET /site), its
 * paragraphs divided by blank lines; otherwise Meedoen's default text in the current language.
 */
export default function StatementPage({ kind }: { kind: StatementKind }) {
  const { t } = useTranslation()
  const site = useSite()
  const texts = DEFAULTS[kind]
  const title = t(texts.title)
  useDocumentTitle(title)
  const municipality = site.data?.municipality
  const configured = kind === 'privacy' ? municipality?.privacy_statement : municipality?.accessibility_statement

  return (
    <article className="meedoen-statement">
      <Heading1>{title}</Heading1>
      {site.isPending ? (
        <Loading />
      ) : configured ? (
        paragraphs(configured).map((text, i) => (
          <Paragraph key={i} className="meedoen-statement__paragraph">
            {text}
          </Paragraph>
        ))
      ) : (
        <DefaultStatement kind={kind} municipality={municipality} />
      )}
    </article>
  )
}

function DefaultStatement({ kind, municipality }: { kind: StatementKind; municipality: Municipality | undefined }) {
  const { t } = useTranslation()
  const texts = DEFAULTS[kind]
  const name = municipality?.name ?? t('statements.municipality')
  return (
    <>
      <Paragraph>{t(texts.intro, { name })}</Paragraph>
      {texts.sections.map((section) => (
        <section key={section.id} aria-labelledby={`statement-${section.id}`}>
          <Heading2 id={`statement-${section.id}`}>{t(section.title)}</Heading2>
          {paragraphs(t(section.text, { name })).map((text, i) => (
            <Paragraph key={i}>{text}</Paragraph>
          ))}
          {section.contact && municipality && <ContactList municipality={municipality} />}
        </section>
      ))}
    </>
  )
}
