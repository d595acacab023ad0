// The admin endpoints (districts, tags, organisations, workers), wrapped like src/api/endpoints.ts.
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
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

/** Query keys. They start with the shared keys, so invalidating ['districts'] or ['tags'] also refreshes these. */
export const ADMIN_KEYS = {
  districts: ['districts', 'include-retired'] as const,
  tags: ['tags', 'include-retired'] as const,
  organisations: (status: OrganisationStatus) => ['admin-organisations', status] as const,
  workers: ['admin-workers'] as const,
}

/** The whole district tree, retired districts included. */
export async function listAllDistricts(): Promise<DistrictNode[]> {
  const result = await client.GET('/api/v1/districts', { params: { query: { include_retired: true } } })
  return unwrap(result).items as unknown as DistrictNode[]
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
  return unwrap(result).items as unknown as Tag[]
}

export async function createTag(body: CreateTagRequest): Promise<Tag> {
  return unwrap(await client.POST('/api/v1/tags', { body })) as unknown as Tag
}

export async function retireTag(id: string): Promise<Tag> {
  return unwrap(await client.POST('/api/v1/tags/{id}/retire', { params: { path: { id } } })) as unknown as Tag
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
  unwrap(await client.DELETE('/api/v1/workers/{user_id}', { params: { path: { user_id: userId } } }))
}

/**
 * Makes the account with this email address a worker. No account with that address: 422 `no_account` on
 * `email`.
 */
export async function makeWorker(body: MakeWorkerRequest): Promise<Worker> {
  return unwrap(await client.POST('/api/v1/workers', { body }))
}
