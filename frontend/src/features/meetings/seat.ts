import type { Me } from "../../api/types";

/** Who is acting on a pair's meetings: the school's staff, or one of the pair's own people. */
export type Seat = "staff" | "mentor" | "mentee";

/** The feedback a seat leaves: each side its own; the staff record either (from a paper form). */
export function feedbackSides(seat: Seat): ("mentor" | "mentee")[] {
  return seat === "staff" ? ["mentor", "mentee"] : [seat];
}

/** Whether the user logs meetings of their own pairs (the «Мои встречи» page). */
export function sitsInPairs(me: Pick<Me, "memberships">): boolean {
  return me.memberships.some((m) => m.role === "mentor" || m.role === "mentee");
}

/** The school of a mentor's or mentee's membership: its clock is the meetings' clock. */
export function ownSchool(me: Pick<Me, "memberships">): number | null {
  return me.memberships.find((m) => (m.role === "mentor" || m.role === "mentee") && m.organization_kind === "school")?.organization_id ?? null;
}
