// Who does what in recognition, as the API's policy decides it (api/src/auth/policy.rs): the
// school's administration, coordinator and curator grant awards and write up practices; the
// institute and the region publish practices. The API stays the judge; this only hides buttons.
import type { Me, Role } from "../../../api/types";

const SCHOOL_STAFF: readonly Role[] = ["school_admin", "coordinator", "curator"];
const PUBLISHERS: readonly Role[] = ["institute", "region_admin"];

/** Whether the user runs this school's programme (grants awards, sees nominees). */
export function managesProgramme(me: Me, schoolId: number): boolean {
  return me.is_system_admin || me.memberships.some((m) => SCHOOL_STAFF.includes(m.role) && m.organization_id === schoolId);
}

/** The schools whose practices the user writes up. */
export function practiceSchools(me: Me): { id: number; name: string }[] {
  return me.memberships
    .filter((m) => SCHOOL_STAFF.includes(m.role))
    .map((m) => ({ id: m.organization_id, name: m.organization_name }));
}

/** Whether the user publishes practices to the region's library. */
export function publishesPractices(me: Me): boolean {
  return me.is_system_admin || me.memberships.some((m) => PUBLISHERS.includes(m.role));
}
