import type { ImportJob, ImportRowError } from "../../../api/imports";
import type { FieldError } from "../../../api/problem";

/**
 * A 422 names bad cells as fields like "row 3: grade" (or "row 3"): turn them into the rows
 * of the error table (an empty column is the whole row). Fields that name no row stay under row 0.
 */
export function rowsFromProblem(errors: FieldError[]): ImportRowError[] {
  return errors.map(({ field, message }) => {
    const match = /^\s*(?:row|строка)\s*(\d+)\s*(?:[:.,]\s*(.*))?$/i.exec(field);
    if (!match) return { row: 0, column: field, message };
    return { row: Number(match[1]), column: match[2]?.trim() ?? "", message };
  });
}

/** By row, then column, so that each bad row reads as one block. */
export function sortErrors(errors: ImportRowError[]): ImportRowError[] {
  return [...errors].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
}

/** How many different rows are bad (a row may break several rules). */
export function badRowCount(errors: ImportRowError[]): number {
  return new Set(errors.map((e) => e.row)).size;
}

/** The progress bar's value, 0–100; a job that reports no total yet is at 0. */
export function jobPercent(job: Pick<ImportJob, "processed" | "total" | "status"> | undefined): number {
  if (!job) return 0;
  if (job.status === "succeeded") return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((job.processed / job.total) * 100)));
}

/** A key for one import attempt: a retried POST with it starts no second job. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // crypto.randomUUID exists only in secure contexts; build a v4 UUID by hand elsewhere.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
