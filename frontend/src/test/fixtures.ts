import type { DistrictNode, Offer } from '../api/types'

export function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: '01a21293-8713-72e5-a580-9c853e120158',
    organisation_id: '01a21292-db00-7604-80d1-b89546b6c59a',
    organisation_name: 'Sportvereniging Emmerhout',
    district_id: '01a21292-dafe-7476-9c57-2e738844abb8',
    district_name: 'Emmerhout',
    kind: 'day_activity',
    title: 'Walking football voor 60-plussers',
    description: 'Voetballen in wandeltempo.',
    address: 'Sportpark Emmerhout, Houtweg 2, Emmen',
    latitude: null,
    longitude: null,
    start_date: null,
    end_date: null,
    capacity: 14,
    free_places: 14,
    auto_accept: true,
    weekly_slots: [{ weekday: 2, start: '10:00', end: '11:30' }],
    sessions: [],
    skills: [],
    interests: ['sports'],
    goals: ['exercise'],
    access: ['wheelchair_accessible'],
    languages: ['nl'],
    guidance: 'light',
    dutch_level: 'A2',
    language_buddy: false,
    min_age: 60,
    companion_allowed: true,
    route: 'open',
    programme: null,
    status: 'published',
    created_at: '2026-11-25T11:59:47Z',
    updated_at: '2026-11-25T11:59:47Z',
    ...overrides,
  } as Offer
}

export const districtTree: DistrictNode[] = [
  {
    id: 'm1',
    parent_id: null,
    kind: 'municipality',
    name: 'Emmen',
    code: 'GM0114',
    retired: false,
    children: [
      {
        id: 'a1',
        parent_id: 'm1',
        kind: 'area',
        name: 'Emmen Noord',
        code: null,
        retired: false,
        children: [{ id: 'd1', parent_id: 'a1', kind: 'district', name: 'Emmerhout', code: null, retired: false, children: [] }],
      },
    ],
  },
] as DistrictNode[]
