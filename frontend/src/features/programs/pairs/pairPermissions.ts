import type { Me, Role } from "../../../api/types";

const MANAGING: readonly Role[] = ["school_admin", "coordinator", "curator"];
const SUPPORTING: readonly Role[] = [...MANAGING, "psychologist"];

const holds = (me: Me, schoolId: number, roles: readonly Role[]) =>
  me.is_system_admin || me.memberships.some((m) => m.organization_id === schoolId && roles.includes(m.role));

/** Makes, approves, starts and ends pairs, and keeps the settings and preference sheets (the service's ManageProgram). */
export function managesPairs(me: Me, schoolId: number): boolean {
  return holds(me, schoolId, MANAGING);
}

/** Records support for mentees left without a pair: the psychologist too (SupportMentees). */
export function supportsMentees(me: Me, schoolId: number): boolean {
  return holds(me, schoolId, SUPPORTING);
}
