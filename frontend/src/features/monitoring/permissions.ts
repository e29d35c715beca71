import type { Me, Role } from "../../api/types";
import { managesPairs } from "../programs/pairs/pairPermissions";

/** Launches and closes surveys, issues links: the school's staff who run the programme (ManageProgram). */
export function managesSurveys(me: Me, schoolId: number): boolean {
  return managesPairs(me, schoolId);
}

const SCHOOL_WRITERS: readonly Role[] = ["school_admin", "coordinator", "curator"];
const REGIONAL_WRITERS: readonly Role[] = ["institute", "region_admin"];

/**
 * Writes templates of an organisation: its own staff who run programmes, or the institute and
 * the region for the organisations of their subtree (the list a user sees is already that subtree;
 * the service has the last word).
 */
export function editsTemplates(me: Me, organizationId: number): boolean {
  return (
    me.is_system_admin ||
    me.memberships.some(
      (m) => (m.organization_id === organizationId && SCHOOL_WRITERS.includes(m.role)) || REGIONAL_WRITERS.includes(m.role),
    )
  );
}
