// The worker endpoints (GET /worker/…, POST /referrals, POST /worker/assignments…), wrapped like src/api/endpoints.ts.
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
import type {
  AssignmentResponse,
  ConfirmItem,
  ReferralCreated,
  ReferralsCreated,
  ResidentDetail,
  ResidentPage,
  ResidentRecommendationList,
  WorkerDistrict,
  WorkerReferralPage,
} from './types'

export interface ResidentFilters {
  district?: string
  q?: string
}

/** Query parameters without empty values. */
export function residentQuery(filters: ResidentFilters, cursor?: string | null): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.district) query.district = filters.district
  const q = filters.q?.trim()
  if (q) query.q = q
  if (cursor) query.cursor = cursor
  return query
}

/** The worker pages' query keys. */
export const workerKeys = {
  all: ['worker'] as const,
  districts: () => [...workerKeys.all, 'districts'] as const,
  residents: (filters: ResidentFilters) => [...workerKeys.all, 'residents', filters] as const,
  resident: (id: string) => [...workerKeys.all, 'resident', id] as const,
  recommendations: (residentId: string) => [...workerKeys.all, 'recommendations', residentId] as const,
  referrals: () => [...workerKeys.all, 'referrals'] as const,
}

export async function myDistricts(): Promise<WorkerDistrict[]> {
  const result = await client.GET('/api/v1/worker/districts')
  return unwrap(result).items
}

export async function listResidents(filters: ResidentFilters, cursor?: string | null): Promise<ResidentPage> {
  const result = await client.GET('/api/v1/worker/residents', { params: { query: residentQuery(filters, cursor) } })
  return unwrap(result)
}

export async function getResident(id: string): Promise<ResidentDetail> {
  return unwrap(await client.GET('/api/v1/worker/residents/{id}', { params: { path: { id } } }))
}

export async function residentRecommendations(id: string): Promise<ResidentRecommendationList> {
  return unwrap(await client.GET('/api/v1/worker/residents/{id}/recommendations', { params: { path: { id } } }))
}

export async function createReferral(residentId: string, offerId: string, note: string): Promise<ReferralCreated> {
  const text = note.trim()
  const result = await client.POST('/api/v1/referrals', {
    body: text ? { resident_id: residentId, offer_id: offerId, note: text } : { resident_id: residentId, offer_id: offerId },
  })
  return unwrap(result)
}

export async function makeAssignment(districtId: string): Promise<AssignmentResponse> {
  return unwrap(await client.POST('/api/v1/worker/assignments', { body: { district_id: districtId } }))
}

export async function confirmAssignment(items: ConfirmItem[], note: string): Promise<ReferralsCreated> {
  const text = note.trim()
  return unwrap(await client.POST('/api/v1/worker/assignments/confirm', { body: text ? { items, note: text } : { items } }))
}

export async function workerReferrals(cursor?: string | null): Promise<WorkerReferralPage> {
  return unwrap(await client.GET('/api/v1/worker/referrals', { params: { query: cursor ? { cursor } : {} } }))
}
