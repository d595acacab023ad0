// The public organisation page's texts, under the `publicOrganisation` key of the app's translations
// (t('publicOrganisation.…')); texts.ts adds them. Dutch at B1: short sentences, everyday words, "je".
export const nl = {
  back: 'Naar alle activiteiten',
  notFound: 'We kunnen deze organisatie niet vinden. Misschien staat ze (nog) niet op Meedoen.',
  about: 'Over deze organisatie',
  kindLabel: 'Soort organisatie',
  email: 'E-mail',
  phone: 'Telefoon',
  website: 'Website',
  offers: 'Activiteiten van {{name}}',
  offersEmpty: 'Deze organisatie heeft nu geen activiteiten op Meedoen.',
  loadMore: 'Meer activiteiten laden',
  kind: {
    association: 'Vereniging of stichting',
    sports_club: 'Sportclub',
    urban_farm: 'Stadsboerderij of tuin',
    welfare: 'Welzijnsorganisatie',
    care_provider: 'Zorgorganisatie',
    school: 'School',
    municipality: 'Gemeente',
    other: 'Andere organisatie',
  },
}

export const en: typeof nl = {
  back: 'To all activities',
  notFound: 'We cannot find this organisation. Maybe it is not on Meedoen (yet).',
  about: 'About this organisation',
  kindLabel: 'Kind of organisation',
  email: 'Email',
  phone: 'Phone',
  website: 'Website',
  offers: 'Activities of {{name}}',
  offersEmpty: 'This organisation has no activities on Meedoen right now.',
  loadMore: 'Load more activities',
  kind: {
    association: 'Association or foundation',
    sports_club: 'Sports club',
    urban_farm: 'City farm or garden',
    welfare: 'Welfare organisation',
    care_provider: 'Care organisation',
    school: 'School',
    municipality: 'Municipality',
    other: 'Other organisation',
  },
}
