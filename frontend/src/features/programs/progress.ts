import type { Progress } from "../../api/types";

/** The percent to draw, kept within 0–100 and whole, whatever rounding the service did. */
export function percentOf(progress: Progress): number {
  if (!Number.isFinite(progress.percent)) return 0;
  return Math.min(100, Math.max(0, Math.round(progress.percent)));
}

/** Academic years around the given date, "2026/2027" style; a year starts on 1 September. */
export function academicYearOptions(today: Date, before = 1, after = 2): string[] {
  const current = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  const years: string[] = [];
  for (let start = current - before; start <= current + after; start += 1) years.push(`${start}/${start + 1}`);
  return years;
}

/** A date of the API ("YYYY-MM-DD") in the reader's format, without shifting it through UTC. */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return "—";
  const [year, month, day] = value.split("-").map(Number);
  if (!year || !month || !day) return value;
  return new Date(year, month - 1, day).toLocaleDateString(language === "en" ? "en-GB" : "ru-RU", {
    day: "numeric",
    month: "short",
    year: "numeric",
  });
}
