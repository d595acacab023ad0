import { describe, expect, it } from 'vitest'
import type { Reason, Tag } from '../api/types'
import { i18n } from '../i18n'
import { formatReason, formatReasons } from './reasons'
import { tagLabeller } from './tags'

const nl = i18n.getFixedT('nl')
const en = i18n.getFixedT('en')

const TAGS: Tag[] = [
  { key: 'gardening', kind: 'skill', label_nl: 'tuinieren', label_en: 'gardening' },
  { key: 'sports', kind: 'interest', label_nl: 'sport', label_en: 'sports' },
  { key: 'social_contact', kind: 'goal', label_nl: 'Mensen ontmoeten', label_en: 'Meeting people' },
  { key: 'wheelchair_accessible', kind: 'access', label_nl: 'rolstoeltoegankelijk', label_en: 'wheelchair accessible' },
] as Tag[]
const labelNl = tagLabeller(TAGS, 'nl')
const labelEn = tagLabeller(TAGS, 'en')

// Every reason code with the sentence in Dutch and in English.
const CASES: [Reason, string, string][] = [
  [{ code: 'same_district' }, 'Het is in je eigen wijk.', 'It is in your own district.'],
  [{ code: 'same_area' }, 'Het is dichtbij, in een wijk naast jouw wijk.', 'It is close by, in a district next to yours.'],
  [{ code: 'same_municipality' }, 'Het is in je eigen gemeente.', 'It is in your own municipality.'],
  [{ code: 'skill_match', tag: 'gardening' }, 'Je kunt hier laten zien wat je kunt: tuinieren.', 'You can use what you are good at: gardening.'],
  [{ code: 'interest_match', tag: 'sports' }, 'Het past bij wat je leuk vindt: sport.', 'It fits what you like: sports.'],
  [{ code: 'goal_served', tag: 'social_contact' }, 'Het helpt bij wat je wilt: mensen ontmoeten.', 'It helps with what you want: meeting people.'],
  [
    { code: 'fits_availability', weekday: 2, start: '09:30', end: '12:00' },
    'Het past in je vrije tijd: op dinsdag van 09:30 tot 12:00 uur.',
    'It fits your free time: on Tuesday from 09:30 to 12:00.',
  ],
  [{ code: 'access_met', tag: 'wheelchair_accessible' }, 'Er is wat je nodig hebt: rolstoeltoegankelijk.', 'What you need is there: wheelchair accessible.'],
  [{ code: 'guidance_offered', level: 'none' }, 'Je doet het hier zelf, zonder begeleiding.', 'You do it on your own here, without guidance.'],
  [{ code: 'guidance_offered', level: 'light' }, 'Je krijgt hier een beetje hulp.', 'You get a little help here.'],
  [{ code: 'guidance_offered', level: 'intensive' }, 'Je krijgt hier veel hulp.', 'You get a lot of help here.'],
  [{ code: 'language_buddy' }, 'Er is een taalmaatje dat je helpt met Nederlands.', 'A language buddy helps you with Dutch.'],
  [{ code: 'free_places', count: 1 }, 'Er is nog 1 plek vrij.', 'There is 1 free place.'],
  [{ code: 'free_places', count: 12 }, 'Er zijn nog 12 plekken vrij.', 'There are 12 free places.'],
  [{ code: 'waitlist' }, 'Het is vol. Je komt eerst op de wachtlijst.', 'It is full. You go on the waiting list first.'],
  [{ code: 'referral_required' }, 'Je kunt hier alleen heen via je wijkwerker.', 'You can only join through your neighbourhood worker.'],
]

describe('formatReason', () => {
  it.each(CASES)('%o in Dutch and English', (reason, dutch, english) => {
    expect(formatReason(reason, nl, labelNl)).toBe(dutch)
    expect(formatReason(reason, en, labelEn)).toBe(english)
  })

  it('covers every reason code of the API', () => {
    const codes = new Set(CASES.map(([r]) => r.code))
    const all: Reason['code'][] = [
      'same_district',
      'same_area',
      'same_municipality',
      'skill_match',
      'interest_match',
      'goal_served',
      'fits_availability',
      'access_met',
      'guidance_offered',
      'language_buddy',
      'free_places',
      'waitlist',
      'referral_required',
    ]
    expect([...codes].sort()).toEqual([...all].sort())
  })

  it('starts a tag label in a sentence with a small letter', () => {
    expect(formatReason({ code: 'goal_served', tag: 'social_contact' }, nl, labelNl)).toBe('Het helpt bij wat je wilt: mensen ontmoeten.')
  })

  it('writes an unknown tag key in words', () => {
    expect(formatReason({ code: 'skill_match', tag: 'bike_repair' }, nl, labelNl)).toBe('Je kunt hier laten zien wat je kunt: bike repair.')
  })

  it('leaves out codes and levels it does not know', () => {
    const reasons = [{ code: 'something_new' } as unknown as Reason, { code: 'guidance_offered', level: 'lots' } as Reason, { code: 'waitlist' } as Reason]
    expect(formatReasons(reasons, en, labelEn)).toEqual(['It is full. You go on the waiting list first.'])
  })
})
