// The texts of the municipality's face (the header's name and logo, the footer), under the `site` key of the app's
// translations (t('site.…')); texts.ts adds them. Dutch at B1: short sentences, everyday words, "je".
export const nl = {
  serviceOf: 'Meedoen is een dienst van {{name}}.',
  contact: 'Contact',
  email: 'E-mail',
  phone: 'Telefoon',
  website: 'Website',
  about: 'Over deze website',
  programme: 'Programma op papier',
  privacy: 'Privacyverklaring',
  accessibility: 'Toegankelijkheid',
}

export const en: typeof nl = {
  serviceOf: 'Meedoen is a service of {{name}}.',
  contact: 'Contact',
  email: 'Email',
  phone: 'Phone',
  website: 'Website',
  about: 'About this website',
  programme: 'Programme on paper',
  privacy: 'Privacy statement',
  accessibility: 'Accessibility',
}
