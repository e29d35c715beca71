// The quick «Отметить встречу» form: its defaults, its checks, and the body it sends.
import type { Attendee, MeetingFormat, MeetingKind, NewMeeting, PairPerson } from "../../api/types";
import { roundedNow, zonedToUtc } from "./meetingTime";

export interface LogFormValues {
  kind: MeetingKind;
  date: string;
  time: string;
  /** Minutes. */
  duration: number;
  format: MeetingFormat;
  place: string;
  link: string;
  topic: string;
  plan_task: string;
  /** «Встреча уже прошла»: logged as held, with attendance and notes. */
  held: boolean;
  notes: string;
  /** Attendance by participant id. */
  present: Record<string, boolean>;
}

export const DEFAULT_DURATION = 45;
export const DURATION_RANGE = { min: 5, max: 720 } as const;
export const DURATION_CHOICES = [30, 45, 60, 90] as const;

/** Everyone of the pair, mentor first: who can be marked present. */
export function pairPeople(pair: { mentor: PairPerson; mentees: PairPerson[] }): Pick<Attendee, "participant_id" | "name" | "role">[] {
  return [
    { participant_id: pair.mentor.participant_id, name: pair.mentor.name ?? null, role: "mentor" },
    ...pair.mentees.map((m) => ({ participant_id: m.participant_id, name: m.name ?? null, role: "mentee" as const })),
  ];
}

/** The next step's kind, now on the school's clock (a quarter-hour back), everyone present. */
export function logFormDefaults(kind: MeetingKind, now: Date, timeZone: string, people: readonly Pick<Attendee, "participant_id">[]): LogFormValues {
  const { date, time } = roundedNow(now, timeZone);
  return {
    kind,
    date,
    time,
    duration: DEFAULT_DURATION,
    format: "in_person",
    place: "",
    link: "",
    topic: "",
    plan_task: "",
    held: true,
    notes: "",
    present: Object.fromEntries(people.map((p) => [String(p.participant_id), true])),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** When the meeting starts and ends, or null while the date or time is not a real one. */
export function meetingTimes(values: Pick<LogFormValues, "date" | "time" | "duration">, timeZone: string): { starts: Date; ends: Date } | null {
  if (!DATE.test(values.date) || !TIME.test(values.time)) return null;
  const starts = zonedToUtc(values.date, values.time, timeZone);
  if (Number.isNaN(starts.getTime())) return null;
  return { starts, ends: new Date(starts.getTime() + Number(values.duration) * 60_000) };
}

export type LogFormError = "required" | "durationRange" | "heldInFuture" | "linkInvalid";

/** What is wrong with the form before it goes: field → the message's key under `meetings.form.errors`. */
export function validateLogForm(values: LogFormValues, now: Date, timeZone: string): Partial<Record<keyof LogFormValues, LogFormError>> {
  const errors: Partial<Record<keyof LogFormValues, LogFormError>> = {};
  if (!DATE.test(values.date)) errors.date = "required";
  if (!TIME.test(values.time)) errors.time = "required";
  const duration = Number(values.duration);
  if (!Number.isInteger(duration) || duration < DURATION_RANGE.min || duration > DURATION_RANGE.max) errors.duration = "durationRange";
  const times = meetingTimes(values, timeZone);
  if (values.held && times && times.starts.getTime() > now.getTime()) errors.time = "heldInFuture";
  const link = values.link.trim();
  if (values.format === "online" && link && !/^https?:\/\/\S+$/i.test(link)) errors.link = "linkInvalid";
  return errors;
}

const text = (value: string) => value.trim() || null;

/** The body of `POST /pairs/{id}/meetings`. */
export function newMeetingBody(values: LogFormValues, timeZone: string): NewMeeting {
  const times = meetingTimes(values, timeZone);
  if (!times) throw new Error("the meeting's date and time are not valid");
  return {
    kind: values.kind,
    starts_at: times.starts.toISOString(),
    ends_at: times.ends.toISOString(),
    format: values.format,
    place: values.format === "in_person" ? text(values.place) : null,
    link: values.format === "online" ? text(values.link) : null,
    topic: text(values.topic),
    plan_task: text(values.plan_task),
    status: values.held ? "held" : "scheduled",
    notes: values.held ? text(values.notes) : null,
    attendance: values.held
      ? Object.entries(values.present).map(([id, present]) => ({ participant_id: Number(id), present }))
      : [],
  };
}

/** Attendance marks from the hold form's ticks, for everyone listed. */
export function attendanceMarks(present: Record<string, boolean>) {
  return Object.entries(present).map(([id, isPresent]) => ({ participant_id: Number(id), present: isPresent }));
}

/** The ticks a hold form starts with: what was marked, else present. */
export function presentFromAttendance(attendance: readonly Pick<Attendee, "participant_id" | "present">[]): Record<string, boolean> {
  return Object.fromEntries(attendance.map((a) => [String(a.participant_id), a.present ?? true]));
}
