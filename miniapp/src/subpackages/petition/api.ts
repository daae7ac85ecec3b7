/**
 * The 联名提议 routes (server: deliberations/petitions.controller.ts), one function each, and the
 * committee's route that turns a reached petition into a deliberation.
 */
import type {
  DeliberationCreate,
  DeliberationView,
  PetitionCreateRequest,
  PetitionListQueryRequest,
  PetitionPage,
  PetitionView,
} from '@xiangli/shared'
import type { CallOptions } from '@/api/call'
import { api } from '@/api/request'

const petitions = (villageId: number) => `/api/villages/${villageId}/petitions`

export const listPetitions = (villageId: number, q: PetitionListQueryRequest, o?: CallOptions) =>
  api.request<PetitionPage>(petitions(villageId), { query: { ...q }, ...o })

export const getPetition = (villageId: number, id: number, o?: CallOptions) =>
  api.request<PetitionView>(`${petitions(villageId)}/${id}`, o)

export const startPetition = (villageId: number, body: PetitionCreateRequest, o?: CallOptions) =>
  api.request<PetitionView>(petitions(villageId), { method: 'POST', body, ...o })

export const signPetition = (villageId: number, id: number, o?: CallOptions) =>
  api.request<PetitionView>(`${petitions(villageId)}/${id}/signatures`, { method: 'POST', body: {}, ...o })

export const withdrawPetition = (villageId: number, id: number, o?: CallOptions) =>
  api.request<PetitionView>(`${petitions(villageId)}/${id}/withdraw`, { method: 'POST', body: {}, ...o })

/** POST /deliberations with `source: { kind: 'petition', petitionId }`: the petition becomes 已列入议事. */
export const convenePetition = (villageId: number, body: DeliberationCreate, o?: CallOptions) =>
  api.request<DeliberationView>(`/api/villages/${villageId}/deliberations`, { method: 'POST', body, ...o })
