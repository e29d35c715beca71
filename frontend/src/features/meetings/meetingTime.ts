// Meetings happen at the school's wall-clock time: "today", the calendar's days and the times
// typed into a form are the school's (DOMAIN.md, «Organisations»), whatever zone the browser is in.

const LOCALES: Record<string, string> = { ru: "ru-RU", en: "en-GB" };
export const localeOf = (language: string) => LOCALES[language] ?? "ru-RU";

/** The browser's zone, for when the school's is not known (yet). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Moscow";
  } catch {
    return "Europe/Moscow";
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string) {
  const parts = partsFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute"), second: get("second") };
}

/** Minutes the zone is ahead of UTC at that instant (Vladivostok: 600). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The school's date ("YYYY-MM-DD") and time ("HH:MM") of an instant. */
export function zonedParts(value: string | Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(new Date(value).getTime(), timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The instant at which the school's clock shows that date and time. */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  // Near a change of offset the first guess lands on the other side; one more step settles it.
  const second = guess - zoneOffsetMinutes(first, timeZone) * 60_000;
  return new Date(second);
}

/** Now, on the school's clock, rounded down to a quarter of an hour: the quick form's default. */
export function roundedNow(now: Date, timeZone: string, stepMinutes = 15): { date: string; time: string } {
  const { date, time } = zonedParts(now, timeZone);
  const [hour, minute] = time.split(":").map(Number);
  return { date, time: `${pad(hour)}:${pad(minute - (minute % stepMinutes))}` };
}

/** Whole minutes from start to end. */
export function durationMinutes(meeting: { starts_at: string; ends_at: string }): number {
  return Math.round((new Date(meeting.ends_at).getTime() - new Date(meeting.starts_at).getTime()) / 60_000);
}

/** «пн, 5 октября 2026 г.» in the school's zone. */
export function formatMeetingDay(value: string, language: string, timeZone: string): string {
  return new Date(value).toLocaleDateString(localeOf(language), {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** «15:00» in the school's zone. */
export function formatClock(value: string, language: string, timeZone: string): string {
  return new Date(value).toLocaleTimeString(localeOf(language), { timeZone, hour: "2-digit", minute: "2-digit" });
}

/** «пн, 5 октября 2026 г., 15:00–15:45»: when a meeting takes place, the school's way. */
export function formatMeetingWhen(
  meeting: { starts_at: string; ends_at: string },
  language: string,
  timeZone: string,
): string {
  return `${formatMeetingDay(meeting.starts_at, language, timeZone)}, ${formatClock(meeting.starts_at, language, timeZone)}–${formatClock(meeting.ends_at, language, timeZone)}`;
}

/** A calendar day ("YYYY-MM-DD") as a heading: «понедельник, 5 октября». */
export function formatDayHeading(day: string, language: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date, 12)).toLocaleDateString(localeOf(language), {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
  });
}

/** «Ноябрь 2026»: the calendar's title, capitalised as a heading. */
export function formatMonthTitle(year: number, month: number, language: string): string {
  const text = new Date(Date.UTC(year, month - 1, 15)).toLocaleDateString(localeOf(language), {
    timeZone: "UTC",
    month: "long",
    year: "numeric",
  });
  // Russian writes «ноябрь 2026 г.»: the heading needs neither the small letter nor the «г.».
  const cleaned = text.replace(/\s*г\.$/, "");
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
