import type { RequestMapRow } from "../../../api/types";

export interface RequestMapBar {
  label: string;
  mentees: number;
  capacity: number;
  /** Places missing: demand beyond what the mentors offer; 0 when supply covers it. */
  shortage: number;
}

/** Bars for the chart in the service's order (largest gap first). */
export function requestMapBars(rows: RequestMapRow[]): RequestMapBar[] {
  return rows.map((row) => ({
    label: row.label,
    mentees: row.mentees,
    capacity: row.capacity,
    shortage: Math.max(0, row.gap),
  }));
}

/** Total places missing across tags: what the mentor base has to find. */
export function totalShortage(rows: RequestMapRow[]): number {
  return rows.reduce((sum, row) => sum + Math.max(0, row.gap), 0);
}
