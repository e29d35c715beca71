import type { Me, Pair } from "../../api/types";

/** Who is acting on a pair's meetings: the school's staff, or one of the pair's own people. */
export type Seat = "staff" | "mentor" | "mentee";

const words = (name: string) => name.toLocaleLowerCase("ru").split(/\s+/).filter(Boolean);

/**
 * Which side of their own pair a mentor or mentee user sits on. `/me/pairs` does not say, so:
 * the user's role when they hold only one of the two, else whether the pair's mentor carries
 * their name.
 */
export function ownSide(me: Pick<Me, "full_name" | "memberships">, pair: Pick<Pair, "mentor">): "mentor" | "mentee" {
  const roles = new Set(me.memberships.map((m) => m.role));
  if (roles.has("mentor") && !roles.has("mentee")) return "mentor";
  if (roles.has("mentee") && !roles.has("mentor")) return "mentee";
  const mine = new Set(words(me.full_name));
  const mentor = words(pair.mentor.name ?? "");
  return mentor.length > 0 && mentor.every((w) => mine.has(w)) ? "mentor" : "mentee";
}

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
