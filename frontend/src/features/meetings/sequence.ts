// The model's sequence as the screens read it: introduction, trial, planning, regular meetings,
// final (DOMAIN.md, «Meetings»). The service enforces it (api/src/meetings/sequence.rs); the
// screens only suggest the next step and keep the timeline in order.
import type { Meeting, MeetingKind, MeetingStatus, PairStatus } from "../../api/types";

type Dated = Pick<Meeting, "id" | "kind" | "status" | "starts_at">;

/** In time order, as the service lists them; equal times keep the order they were made in. */
export function sortMeetings<T extends Pick<Meeting, "id" | "starts_at">>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) => {
    const diff = new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime();
    return diff !== 0 ? diff : a.id - b.id;
  });
}

/**
 * The kind of meeting the pair should log next: the first of introduction, trial and planning
 * it has not had (a cancelled one does not count), then regular meetings until the final one.
 * Null once the final meeting is on the record.
 */
export function nextStep(meetings: readonly Dated[]): MeetingKind | null {
  const live = meetings.filter((m) => m.status !== "cancelled");
  const has = (kind: MeetingKind) => live.some((m) => m.kind === kind);
  for (const kind of ["introduction", "trial", "planning"] as const) {
    if (!has(kind)) return kind;
  }
  return has("final") ? null : "regular";
}

/** Whether the final meeting took place: the pair's work can be completed. */
export function finalHeld(meetings: readonly Dated[]): boolean {
  return meetings.some((m) => m.kind === "final" && m.status === "held");
}

/** A scheduled meeting whose time has passed and that nobody marked held or cancelled. */
export function awaitsMark(meeting: Pick<Meeting, "status" | "starts_at">, now: Date): boolean {
  return meeting.status === "scheduled" && new Date(meeting.starts_at).getTime() <= now.getTime();
}

/** The next scheduled meeting still ahead, if any. */
export function upcoming<T extends Pick<Meeting, "id" | "status" | "starts_at">>(meetings: readonly T[], now: Date): T | null {
  return sortMeetings(meetings).find((m) => m.status === "scheduled" && new Date(m.starts_at).getTime() > now.getTime()) ?? null;
}

/** Meetings are logged only while the pair works: approved by an order, or active. */
export function pairTakesMeetings(status: PairStatus): boolean {
  return status === "approved" || status === "active";
}

export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  scheduled: "blue",
  held: "green",
  cancelled: "gray",
};

/**
 * A long record folds on the screen: the latest `limit` meetings show (the ones a pair works
 * with now), the earlier ones wait behind a button — unless asked for, or one of them is the
 * meeting the address points at.
 */
export function foldMeetings<T extends Pick<Meeting, "id">>(
  sorted: readonly T[],
  { expanded, limit = 5, target = null }: { expanded: boolean; limit?: number; target?: number | null },
): { shown: T[]; hidden: number } {
  // Folding a single meeting away saves nothing.
  if (expanded || sorted.length <= limit + 1) return { shown: [...sorted], hidden: 0 };
  const cut = sorted.length - limit;
  if (target !== null && sorted.slice(0, cut).some((m) => m.id === target)) return { shown: [...sorted], hidden: 0 };
  return { shown: sorted.slice(cut), hidden: cut };
}
