// Pure helpers of the institute's view: how figures are shown, what the chart compares, and
// which organisations the view can be opened for.
import type { DashboardQuery, Figures, Me, Organization, SchoolRow } from "../../api/types";
import { localeOf } from "../meetings/meetingTime";

/** The smallest count shown outside the school: below it the service sends null. */
export const SMALLEST_SHOWN = 5;

/** A count of children: null means hidden (1–4 children), shown as «<5». */
export function formatCount(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return `<${SMALLEST_SHOWN}`;
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A share 0–1 as a percent with one decimal; «—» when unknown or hidden. */
export function formatShare(share: number | null | undefined, language: string): string {
  if (share === null || share === undefined) return "—";
  return new Intl.NumberFormat(localeOf(language), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** The schools the chart compares on the headline share: the highest first, at most `limit`. */
export function shareBars(rows: SchoolRow[], limit = 15): { school: string; share: number }[] {
  return rows
    .filter((r) => r.share !== null && r.share !== undefined)
    .map((r) => ({ school: r.school_name, share: Math.round((r.share ?? 0) * 1000) / 10 }))
    .sort((a, b) => b.share - a.share || a.school.localeCompare(b.school))
    .slice(0, limit);
}

/** Done out of counted activities as «12 / 17». */
export function roadmapText(f: Pick<Figures, "roadmap_done" | "roadmap_total">): string {
  return `${f.roadmap_done} / ${f.roadmap_total}`;
}

/** The query without empty values, so that equal filters share one cache entry. */
export function cleanQuery(query: DashboardQuery): DashboardQuery {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") out[key] = value;
  }
  return out as DashboardQuery;
}

export type Scope = { id: number; name: string; kind: "region" | "institute" };

/**
 * The regions and institutes the user may open the view for: their own memberships as region
 * administrator or institute, and for a system administrator every region and institute.
 */
export function reportingScopes(me: Me, organizations: Organization[] | undefined): Scope[] {
  const own: Scope[] = me.memberships
    .filter((m) => (m.role === "region_admin" || m.role === "institute") && m.organization_kind !== "school")
    .map((m) => ({ id: m.organization_id, name: m.organization_name, kind: m.organization_kind as Scope["kind"] }));
  if (!me.is_system_admin) return dedupe(own);
  const all: Scope[] = (organizations ?? [])
    .filter((o) => o.kind !== "school")
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind as Scope["kind"] }));
  return dedupe([...own, ...all]);
}

function dedupe(scopes: Scope[]): Scope[] {
  const seen = new Set<number>();
  return scopes.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}

/** Whether the user sees the «Результаты» screens at all. */
export function seesResults(me: Me): boolean {
  return me.is_system_admin || me.memberships.some((m) => m.role === "region_admin" || m.role === "institute");
}
