// The programme's meetings laid out by the school's days: a month grid (weeks from Monday, as
// Russian calendars go) on a wide screen, a list of days on a phone.
import type { Meeting } from "../../api/types";
import { sortMeetings } from "./sequence";
import { zonedParts, zonedToUtc } from "./meetingTime";

export interface Month {
  year: number;
  /** 1–12. */
  month: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The month the school is in at that instant. */
export function monthAt(now: Date, timeZone: string): Month {
  const [year, month] = zonedParts(now, timeZone).date.split("-").map(Number);
  return { year, month };
}

export function shiftMonth({ year, month }: Month, delta: number): Month {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The weeks that show the month, Monday first, each of seven "YYYY-MM-DD" days. */
export function monthWeeks({ year, month }: Month): string[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const mondayOffset = (first.getUTCDay() + 6) % 7;
  const start = new Date(Date.UTC(year, month - 1, 1 - mondayOffset));
  const last = new Date(Date.UTC(year, month, 0));
  const weeks: string[][] = [];
  for (let day = start; day <= last; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(isoDay(day));
      day = new Date(day.getTime() + 86_400_000);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The instants that bound the month's grid in the school's zone: from its first day's midnight to after its last. */
export function gridBounds(month: Month, timeZone: string): { from: string; to: string } {
  const weeks = monthWeeks(month);
  const firstDay = weeks[0][0];
  const lastDay = weeks[weeks.length - 1][6];
  const [y, m, d] = lastDay.split("-").map(Number);
  const afterLast = isoDay(new Date(Date.UTC(y, m - 1, d + 1)));
  return { from: zonedToUtc(firstDay, "00:00", timeZone).toISOString(), to: zonedToUtc(afterLast, "00:00", timeZone).toISOString() };
}

/** The instants that bound the month itself (for the agenda, which shows only its days). */
export function monthBounds({ year, month }: Month, timeZone: string): { from: string; to: string } {
  const next = shiftMonth({ year, month }, 1);
  return {
    from: zonedToUtc(`${year}-${pad(month)}-01`, "00:00", timeZone).toISOString(),
    to: zonedToUtc(`${next.year}-${pad(next.month)}-01`, "00:00", timeZone).toISOString(),
  };
}

/** Meetings by the school's day they start on, each day in time order. */
export function meetingsByDay<T extends Pick<Meeting, "id" | "starts_at">>(meetings: readonly T[], timeZone: string): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const meeting of sortMeetings(meetings)) {
    const day = zonedParts(meeting.starts_at, timeZone).date;
    const list = days.get(day);
    if (list) list.push(meeting);
    else days.set(day, [meeting]);
  }
  return days;
}

/** The agenda: the days that have meetings, in order, each with its meetings in time order. */
export function agendaDays<T extends Pick<Meeting, "id" | "starts_at">>(
  meetings: readonly T[],
  timeZone: string,
): { day: string; meetings: T[] }[] {
  return [...meetingsByDay(meetings, timeZone)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({ day, meetings: list }));
}

/** Whether a grid day belongs to the month shown (the others are the neighbours' edges). */
export function inMonth(day: string, { year, month }: Month): boolean {
  return day.startsWith(`${year}-${pad(month)}-`);
}

/** The pair of a meeting as the calendar names it, from its attendance: «Павлов Игорь и Соколов Максим». */
export function meetingPeople(meeting: Pick<Meeting, "attendance">, erased: string): { mentor: string; mentees: string[] } {
  const mentor = meeting.attendance.find((a) => a.role === "mentor");
  return {
    mentor: mentor ? (mentor.name ?? erased) : erased,
    mentees: meeting.attendance.filter((a) => a.role === "mentee").map((a) => a.name ?? erased),
  };
}

/** The address of a meeting on its pair's timeline. */
export const meetingHref = (meeting: Pick<Meeting, "id" | "pair_id">) => `/pairs/${meeting.pair_id}/meetings#meeting-${meeting.id}`;

/** "2026-11" ⇄ a month, for the calendar's place in the address. */
export function parseMonth(value: string | null): Month | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? "");
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

export const monthParam = ({ year, month }: Month) => `${year}-${pad(month)}`;
