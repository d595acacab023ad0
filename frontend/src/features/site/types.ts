// Types of the municipality's face, derived from the server's schema (src/api/schema.ts).
import type { components } from '../../api/schema'

export type { Site } from '../../api/types'
export type Municipality = components['schemas']['MunicipalityResponse']
