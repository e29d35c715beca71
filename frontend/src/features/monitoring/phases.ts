import type { Purpose, Survey, SurveyPhase, SurveyTemplate } from "../../api/types";

/**
 * The phases a template may run in, as the service checks them (`SurveyPhase::fits`): quality
 * questionnaires in the quality phase or midway, impact instruments at entry, at exit or midway.
 */
export function phasesFor(purpose: Purpose): SurveyPhase[] {
  return purpose === "quality" ? ["quality", "interim"] : ["entry", "exit", "interim"];
}

export function phaseFits(phase: SurveyPhase, purpose: Purpose): boolean {
  return phasesFor(purpose).includes(phase);
}

/** The phase to offer first: the one asked for when it fits, else the template's first. */
export function defaultPhase(purpose: Purpose, wanted?: SurveyPhase | null): SurveyPhase {
  const allowed = phasesFor(purpose);
  return wanted && allowed.includes(wanted) ? wanted : allowed[0];
}

/** Where a template comes from, seen from an organisation. */
export type TemplateSource = "standard" | "regional" | "own";
export const TEMPLATE_SOURCES = ["standard", "regional", "own"] as const satisfies readonly TemplateSource[];

/**
 * Shipped with the system (no organisation), the organisation's own, or from above it (the
 * institute's or the region's, which the list only holds when they serve this organisation).
 */
export function templateSource(template: Pick<SurveyTemplate, "organization_id">, organizationId: number): TemplateSource {
  if (template.organization_id === null || template.organization_id === undefined) return "standard";
  return template.organization_id === organizationId ? "own" : "regional";
}

export interface TemplateGroup {
  source: TemplateSource;
  templates: SurveyTemplate[];
}

/**
 * The templates grouped standard → regional → own, each group by title and then by code, the
 * newest version of a code first; empty groups left out.
 */
export function groupTemplates(templates: readonly SurveyTemplate[], organizationId: number): TemplateGroup[] {
  const sorted = [...templates].sort(
    (a, b) => a.title.localeCompare(b.title, "ru") || a.code.localeCompare(b.code) || b.version - a.version,
  );
  return TEMPLATE_SOURCES.map((source) => ({
    source,
    templates: sorted.filter((t) => templateSource(t, organizationId) === source),
  })).filter((group) => group.templates.length > 0);
}

/** Whether a newer version of the same template (same owner, same code) is in the list. */
export function isSuperseded(template: SurveyTemplate, templates: readonly SurveyTemplate[]): boolean {
  return templates.some(
    (other) =>
      other.code === template.code &&
      (other.organization_id ?? null) === (template.organization_id ?? null) &&
      other.version > template.version,
  );
}

/** A survey's state for its badge: before its dates, open, over, or closed early. */
export type SurveyState = "scheduled" | "open" | "finished" | "closedEarly";

/** `today` is the school's date ("YYYY-MM-DD"); the service's `open` is the truth when it says so. */
export function surveyState(survey: Pick<Survey, "open" | "closed_at" | "opens_on" | "closes_on">, today: string): SurveyState {
  if (survey.closed_at) return "closedEarly";
  if (survey.open) return "open";
  return today < survey.opens_on ? "scheduled" : "finished";
}

/** Links can still be issued: the survey is neither closed early nor past its last day. */
export function acceptsInvitations(survey: Pick<Survey, "closed_at" | "closes_on">, today: string): boolean {
  return !survey.closed_at && today <= survey.closes_on;
}

export const SURVEY_STATE_COLORS: Record<SurveyState, string> = {
  scheduled: "blue",
  open: "green",
  finished: "gray",
  closedEarly: "gray",
};

/** The programme's surveys, newest first: the one just launched on top. */
export function sortSurveys(surveys: readonly Survey[]): Survey[] {
  return [...surveys].sort((a, b) => b.opens_on.localeCompare(a.opens_on) || b.id - a.id);
}

/** "YYYY-MM-DD" some days after another, on the calendar (no time zone involved). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number);
  const moved = new Date(Date.UTC(year, month - 1, date + days));
  return moved.toISOString().slice(0, 10);
}

/** The badge state of the service's own `status`, where the survey comes with one. */
export function stateOfStatus(status: Survey["status"]): SurveyState {
  const states: Record<Survey["status"], SurveyState> = { not_yet_open: "scheduled", open: "open", finished: "finished", closed_early: "closedEarly" };
  return states[status];
}
