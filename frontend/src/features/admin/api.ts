// The admin endpoints (districts, tags, organisations, workers), wrapped like src/api/endpoints.ts.
import { client } from '../../api/client'
import { expectOk, unwrap } from '../../api/errors'
import { sharedKeys } from '../../api/queries'
import type {
  CreateDistrictRequest,
  CreateTagRequest,
  District,
  DistrictNode,
  MakeWorkerRequest,
  Organisation,
  OrganisationPage,
  OrganisationStatus,
  Tag,
  UpdateDistrictRequest,
  Worker,
} from './types'

/**
 * The admin pages' query keys. The full district and tag lists start with the shared keys, so invalidating
 * sharedKeys.districts or sharedKeys.tags after a change refreshes the public lists and these together.
 */
export const adminKeys = {
  all: ['admin'] as const,
  districts: () => [...sharedKeys.districts, 'include-retired'] as const,
  tags: () => [...sharedKeys.tags, 'include-retired'] as const,
  organisationLists: () => [...adminKeys.all, 'organisations'] as const,
  organisations: (status: OrganisationStatus) => [...adminKeys.organisationLists(), status] as const,
  workers: () => [...adminKeys.all, 'workers'] as const,
}

/** The whole district tree, retired districts included. */
export async function listAllDistricts(): Promise<DistrictNode[]> {
  const result = await client.GET('/api/v1/districts', { params: { query: { include_retired: true } } })
  return unwrap(result).items
}

export async function createDistrict(body: CreateDistrictRequest): Promise<District> {
  return unwrap(await client.POST('/api/v1/districts', { body }))
}

export async function updateDistrict(id: string, body: UpdateDistrictRequest): Promise<District> {
  return unwrap(await client.PATCH('/api/v1/districts/{id}', { params: { path: { id } }, body }))
}

export async function retireDistrict(id: string): Promise<District> {
  return unwrap(await client.POST('/api/v1/districts/{id}/retire', { params: { path: { id } } }))
}

/** Every tag, retired ones included. */
export async function listAllTags(): Promise<Tag[]> {
  const result = await client.GET('/api/v1/tags', { params: { query: { include_retired: true } } })
  return unwrap(result).items
}

export async function createTag(body: CreateTagRequest): Promise<Tag> {
  return unwrap(await client.POST('/api/v1/tags', { body }))
}

export async function retireTag(id: string): Promise<Tag> {
  return unwrap(await client.POST('/api/v1/tags/{id}/retire', { params: { path: { id } } }))
}

export async function listOrganisations(status: OrganisationStatus, cursor?: string | null): Promise<OrganisationPage> {
  const query = cursor ? { status, cursor } : { status }
  return unwrap(await client.GET('/api/v1/organisations', { params: { query } }))
}

export async function verifyOrganisation(id: string): Promise<Organisation> {
  return unwrap(await client.POST('/api/v1/organisations/{id}/verify', { params: { path: { id } } }))
}

export async function rejectOrganisation(id: string, reason: string): Promise<Organisation> {
  return unwrap(await client.POST('/api/v1/organisations/{id}/reject', { params: { path: { id } }, body: { reason: reason.trim() } }))
}

export async function listWorkers(): Promise<Worker[]> {
  return unwrap(await client.GET('/api/v1/workers')).items
}

export async function setWorkerDistricts(userId: string, districtIds: string[]): Promise<Worker> {
  return unwrap(await client.PUT('/api/v1/workers/{user_id}/districts', { params: { path: { user_id: userId } }, body: { district_ids: districtIds } }))
}

export async function removeWorker(userId: string): Promise<void> {
  expectOk(await client.DELETE('/api/v1/workers/{user_id}', { params: { path: { user_id: userId } } }))
}

/**
 * Makes the account with this email address a worker. No account with that address: 422 `no_account` on
 * `email`.
 */
export async function makeWorker(body: MakeWorkerRequest): Promise<Worker> {
  return unwrap(await client.POST('/api/v1/workers', { body }))
}
