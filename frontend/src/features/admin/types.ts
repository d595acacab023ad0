// Wire types of the admin pages, derived from the server's OpenAPI schema.
import { districtKindValues, organisationStatusValues, tagKindValues, type components } from '../../api/schema'
import type { DistrictKind, DistrictNode, Tag, TagKind } from '../../api/types'

type S = components['schemas']

export type { DistrictKind, DistrictNode, Tag, TagKind }

// Value lists generated from the server's enums (openapi-typescript --enum-values), not written here.
export const DISTRICT_KINDS: readonly DistrictKind[] = districtKindValues
export const TAG_KINDS: readonly TagKind[] = tagKindValues

export type CreateDistrictRequest = S['CreateDistrictRequest']
export type UpdateDistrictRequest = S['UpdateDistrictRequest']
export type District = S['DistrictResponse']

export type CreateTagRequest = S['CreateTagRequest']

export type OrganisationStatus = S['OrganisationStatus']
export const ORGANISATION_STATUSES: readonly OrganisationStatus[] = organisationStatusValues
export type OrganisationKind = S['OrganisationKind']
export type Organisation = S['OrganisationResponse']
export type OrganisationPage = S['OrganisationList']

export type Worker = S['WorkerResponse']
export type MakeWorkerRequest = S['MakeWorkerRequest']
