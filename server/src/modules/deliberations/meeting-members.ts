/** Who is due at a meeting: see members.repository.ts (kept here for the meeting notice). */
export { bodyMembers, compositionOf, type BodyMember } from './members.repository'
