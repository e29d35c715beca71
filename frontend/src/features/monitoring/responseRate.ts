import type { ResponseCounts } from "../../api/types";
import { localeOf } from "../meetings/meetingTime";

/**
 * Submitted out of invitations as a whole percent, 0–100; null before any link was issued.
 * Taken from the counts rather than the service's ratio so that the bar and «1 из 1» agree.
 */
export function ratePercent(counts: Pick<ResponseCounts, "invitations" | "submitted">): number | null {
  if (counts.invitations <= 0) return null;
  const percent = Math.round((counts.submitted / counts.invitations) * 100);
  return Math.min(100, Math.max(0, percent));
}

/** «100 %» in Russian (a no-break space before the sign), «100%» in English. */
export function formatPercent(percent: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: "percent", maximumFractionDigits: 0 }).format(percent / 100);
}

/** Started but not submitted: those worth a reminder. */
export function inProgress(counts: Pick<ResponseCounts, "started" | "submitted">): number {
  return Math.max(0, counts.started - counts.submitted);
}
