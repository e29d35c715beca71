// Monitoring (DOMAIN.md, «Monitoring: two phases»): the survey templates usable at an
// organisation, a programme's surveys with their live response rates, and the one-time links.
// The public page answering through a link has its own client in publicSurvey.ts; people with an
// account answer through theirs (`/me/surveys`).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiFetch } from "./client";
import { ApiProblem, unwrap } from "./problem";
import type { AnswerSource } from "./publicSurvey";
import { programKeys } from "./programs";
import type {
  Measurement,
  MeasurementsInput,
  NewInvitations,
  NewSurvey,
  NewSurveyTemplate,
  Survey,
  SurveyTemplate,
  TemplateVersionInput,
} from "./types";

export const monitoringKeys = {
  templates: ["survey-templates"] as const,
  templatesAt: (organizationId: number) => ["survey-templates", "at", organizationId] as const,
  template: (id: number) => ["survey-templates", id] as const,
  /** Under the programme, so that closing the programme refreshes its surveys too. */
  surveys: (programId: number) => [...programKeys.one(programId), "surveys"] as const,
  survey: (id: number) => ["surveys", id] as const,
  invitations: (surveyId: number) => ["surveys", surveyId, "invitations"] as const,
};

/** How often a response rate is read again while someone watches it. */
export const LIVE_INTERVAL_MS = 10_000;

/** The standard templates, the institute's and the organisation's own, every version. */
export function useSurveyTemplates(organizationId: number | null) {
  return useQuery({
    queryKey: monitoringKeys.templatesAt(organizationId ?? 0),
    enabled: organizationId !== null,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organizations/{id}/survey-templates", { params: { path: { id: organizationId! } } }),
      ).items,
  });
}

export function useSurveyTemplate(id: number) {
  return useQuery({
    queryKey: monitoringKeys.template(id),
    queryFn: async () => unwrap(await api.GET("/api/v1/survey-templates/{id}", { params: { path: { id } } })),
  });
}

function useInvalidateTemplates() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: monitoringKeys.templates });
}

export function useCreateSurveyTemplate(organizationId: number) {
  const invalidate = useInvalidateTemplates();
  return useMutation({
    mutationFn: async (body: NewSurveyTemplate) =>
      unwrap(
        await api.POST("/api/v1/organizations/{id}/survey-templates", { params: { path: { id: organizationId } }, body }),
      ),
    onSuccess: invalidate,
  });
}

/** Edits a template no survey runs yet; one in use answers 409 template_in_use. */
export function useUpdateSurveyTemplate() {
  const invalidate = useInvalidateTemplates();
  return useMutation({
    mutationFn: async ({ template, body }: { template: Pick<SurveyTemplate, "id">; body: TemplateVersionInput }) =>
      unwrap(await api.PUT("/api/v1/survey-templates/{id}", { params: { path: { id: template.id } }, body })),
    onSettled: invalidate,
  });
}

/** The next version of a template; surveys that ran the old one keep it. */
export function useNewTemplateVersion() {
  const invalidate = useInvalidateTemplates();
  return useMutation({
    mutationFn: async ({ template, body }: { template: Pick<SurveyTemplate, "id">; body: TemplateVersionInput }) =>
      unwrap(await api.POST("/api/v1/survey-templates/{id}/versions", { params: { path: { id: template.id } }, body })),
    onSuccess: invalidate,
  });
}

/** The programme's surveys; `live` reads them again every few seconds, for the response rates. */
export function useSurveys(programId: number, live = false) {
  return useQuery({
    queryKey: monitoringKeys.surveys(programId),
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/surveys", { params: { path: { id: programId } } })).items,
  });
}

export function useSurvey(id: number, live = false) {
  return useQuery({
    queryKey: monitoringKeys.survey(id),
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
    queryFn: async () => unwrap(await api.GET("/api/v1/surveys/{id}", { params: { path: { id } } })),
  });
}

/** A survey's change moves the programme's list, the survey itself and the templates' «in use». */
function useInvalidateSurveys(programId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: monitoringKeys.surveys(programId) }),
      queryClient.invalidateQueries({ queryKey: ["surveys"] }),
      queryClient.invalidateQueries({ queryKey: monitoringKeys.templates }),
    ]);
}

export function useCreateSurvey(programId: number) {
  const invalidate = useInvalidateSurveys(programId);
  return useMutation({
    mutationFn: async (body: NewSurvey) =>
      unwrap(await api.POST("/api/v1/programs/{id}/surveys", { params: { path: { id: programId } }, body })),
    onSuccess: invalidate,
  });
}

/** «Закрыть досрочно»: the survey refuses answers from now on. */
export function useCloseSurvey(programId: number) {
  const invalidate = useInvalidateSurveys(programId);
  return useMutation({
    mutationFn: async (survey: Pick<Survey, "id">) =>
      unwrap(await api.POST("/api/v1/surveys/{id}/close", { params: { path: { id: survey.id } } })),
    onSettled: invalidate,
  });
}

/** Who has answered, without the links (those are shown once, when issued). */
export function useInvitations(surveyId: number, live = false) {
  return useQuery({
    queryKey: monitoringKeys.invitations(surveyId),
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/surveys/{id}/invitations", { params: { path: { id: surveyId } } })).items,
  });
}

/** Issues one-time links; the answer holds each link once, for the printed sheet. */
export function useIssueInvitations(survey: Pick<Survey, "id" | "program_id">) {
  const invalidate = useInvalidateSurveys(survey.program_id);
  return useMutation({
    mutationFn: async (body: NewInvitations) =>
      unwrap(await api.POST("/api/v1/surveys/{id}/invitations", { params: { path: { id: survey.id } }, body })).items,
    onSuccess: invalidate,
  });
}

export const analyticsKeys = {
  /** Under the programme's surveys: a new answer or a closed survey moves them. */
  quality: (programId: number) => [...monitoringKeys.surveys(programId), "quality"] as const,
  impact: (programId: number) => [...monitoringKeys.surveys(programId), "impact"] as const,
  measurements: (programId: number) => [...programKeys.one(programId), "measurements"] as const,
};

/** Phase 1: each quality survey's rates, distributions, strengths, weaknesses and expectation gaps. */
export function useQualityReport(programId: number) {
  return useQuery({
    queryKey: analyticsKeys.quality(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/monitoring/quality", { params: { path: { id: programId } } })),
  });
}

/** Phase 2: each parameter's change entry → exit with its statistics, overall and by group. */
export function useImpactReport(programId: number) {
  return useQuery({
    queryKey: analyticsKeys.impact(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/monitoring/impact", { params: { path: { id: programId } } })),
  });
}

/** Parameters taken from the school's records (grades, clubs, projects…), entry and exit. */
export function useMeasurements(programId: number) {
  return useQuery({
    queryKey: analyticsKeys.measurements(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/measurements", { params: { path: { id: programId } } })).items,
  });
}

/** Records measurements (replacing the same person, parameter and phase); the impact report moves. */
export function useRecordMeasurements(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MeasurementsInput) =>
      unwrap(await api.POST("/api/v1/programs/{id}/measurements", { params: { path: { id: programId } }, body })).items,
    onSuccess: (items) => queryClient.setQueryData(analyticsKeys.measurements(programId), items),
    onSettled: () => queryClient.invalidateQueries({ queryKey: analyticsKeys.impact(programId) }),
  });
}

export const mySurveysKey = ["me", "surveys"] as const;

/** The surveys addressed to me as a mentor, mentee or curator, with how far I got. */
export function useMySurveys() {
  return useQuery({
    queryKey: mySurveysKey,
    queryFn: async () => unwrap(await api.GET("/api/v1/me/surveys")).items,
  });
}

/** Answering a survey in the app, as myself: the same questionnaire as through a link. */
export function mySurveySource(id: number): AnswerSource {
  return {
    key: [...mySurveysKey, id],
    load: async () => unwrap(await api.GET("/api/v1/me/surveys/{id}", { params: { path: { id } } })),
    save: async (body) => unwrap(await api.POST("/api/v1/me/surveys/{id}/response", { params: { path: { id } }, body })),
  };
}

/**
 * Loads measurements from a CSV of the school's records: all rows or none. The file goes as the
 * raw body, as the service reads it (UTF-8 or Excel's Windows-1251).
 */
export function useImportMeasurements(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const response = await apiFetch(`/api/v1/programs/${programId}/measurements/import`, {
        method: "POST",
        headers: { "Content-Type": "text/csv" },
        body: file,
      });
      if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => null));
      return ((await response.json()) as { items: Measurement[] }).items;
    },
    onSuccess: (items) => queryClient.setQueryData(analyticsKeys.measurements(programId), items),
    onSettled: () => queryClient.invalidateQueries({ queryKey: analyticsKeys.impact(programId) }),
  });
}
