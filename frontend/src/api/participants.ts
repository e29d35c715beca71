import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiFetch } from "./client";
import { ApiProblem, unwrap } from "./problem";
import type { NewConsent, NewParticipant, ParticipantKind, ParticipantPatch } from "./types";

export interface ParticipantFilters {
  q: string;
  kind: ParticipantKind | null;
  grade: number | null;
  /** true: only with a processing consent; false: only without; null: all. */
  consent: boolean | null;
}

export const participantKeys = {
  all: ["participants"] as const,
  list: (schoolId: number, filters: ParticipantFilters) => [...participantKeys.all, "school", schoolId, filters] as const,
  one: (id: number) => [...participantKeys.all, id] as const,
  consents: (id: number) => [...participantKeys.all, id, "consents"] as const,
  audit: (schoolId: number, id: number) => [...participantKeys.all, id, "audit", schoolId] as const,
};

const PAGE_SIZE = 50;

/** A school's participants a page at a time ("load more"), filtered on the server. */
export function useParticipants(schoolId: number | null, filters: ParticipantFilters) {
  return useInfiniteQuery({
    queryKey: participantKeys.list(schoolId ?? 0, filters),
    enabled: schoolId !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/schools/{school_id}/participants", {
          params: {
            path: { school_id: schoolId! },
            query: {
              q: filters.q.trim() || undefined,
              kind: filters.kind ?? undefined,
              grade: filters.grade ?? undefined,
              consent: filters.consent ?? undefined,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

/** One participant with its ETag, which a later PATCH sends back as If-Match. */
export function useParticipant(id: number) {
  return useQuery({
    queryKey: participantKeys.one(id),
    queryFn: async () => {
      const result = await api.GET("/api/v1/participants/{id}", { params: { path: { id } } });
      return { participant: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateParticipant(schoolId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewParticipant) =>
      unwrap(await api.POST("/api/v1/schools/{school_id}/participants", { params: { path: { school_id: schoolId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: participantKeys.all }),
  });
}

export function useUpdateParticipant(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ patch, etag }: { patch: ParticipantPatch; etag: string | null }) =>
      unwrap(
        await api.PATCH("/api/v1/participants/{id}", {
          params: { path: { id }, header: etag ? { "If-Match": etag } : {} },
          body: patch,
        }),
      ),
    // A 412 means someone else changed it: refetching brings the new ETag either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: participantKeys.all }),
  });
}

/** Erases the person's personal data; an anonymous record stays for the figures. */
export function useEraseParticipant(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.DELETE("/api/v1/participants/{id}", { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: participantKeys.all }),
  });
}

export function useConsents(participantId: number) {
  return useQuery({
    queryKey: participantKeys.consents(participantId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/participants/{id}/consents", { params: { path: { id: participantId } } })).items,
  });
}

export function useAddConsent(participantId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewConsent) =>
      unwrap(await api.POST("/api/v1/participants/{id}/consents", { params: { path: { id: participantId } }, body })),
    // has_processing_consent changes on the card, in the list and in the programme bases.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: participantKeys.all }),
  });
}

export function useWithdrawConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (consentId: number) =>
      unwrap(await api.POST("/api/v1/consents/{id}/withdraw", { params: { path: { id: consentId } } })),
    // Withdrawing the processing consent erases the person: the list changes too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: participantKeys.all }),
  });
}

/** Who read or changed this record, newest first (the school admin's view). */
export function useParticipantAudit(schoolId: number, participantId: number, enabled: boolean) {
  return useQuery({
    queryKey: participantKeys.audit(schoolId, participantId),
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organizations/{id}/audit", {
          params: { path: { id: schoolId }, query: { participant_id: participantId, limit: 100 } },
        }),
      ).items,
  });
}

export type ExportFormat = "csv" | "xlsx";

/** Fetches a file with the bearer token (a plain link would go unsigned) and saves it. */
export async function downloadFile(path: string, fileName: string) {
  const response = await apiFetch(path);
  if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => null));
  saveBlob(await response.blob(), fileName);
}

export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportParticipants(schoolId: number, format: ExportFormat) {
  return downloadFile(`/api/v1/schools/${schoolId}/participants/export?format=${format}`, `participants-${schoolId}.${format}`);
}
