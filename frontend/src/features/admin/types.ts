// Wire types of the admin pages, derived from the server's OpenAPI schema.
import type { components } from '../../api/schema'
import type { DistrictKind, DistrictNode, Page, Tag, TagKind } from '../../api/types'

type S = components['schemas']

export type { DistrictKind, DistrictNode, Tag, TagKind }

export const DISTRICT_KINDS: readonly DistrictKind[] = ['municipality', 'area', 'district']
export const TAG_KINDS: readonly TagKind[] = ['skill', 'interest', 'goal', 'access', 'language']

export type CreateDistrictRequest = S['CreateDistrictRequest']
export type UpdateDistrictRequest = S['UpdateDistrictRequest']
export type District = S['DistrictResponse']

export type CreateTagRequest = S['CreateTagRequest']

export type OrganisationStatus = S['OrganisationStatus']
export const ORGANISATION_STATUSES: readonly OrganisationStatus[] = ['pending', 'verified', 'rejected']
export type OrganisationKind = S['OrganisationKind']
export type Organisation = S['OrganisationResponse']
export type OrganisationPage = Page<Organisation>

export type Worker = S['WorkerResponse']
export type MakeWorkerRequest = S['MakeWorkerRequest']
