// Recognition (DOMAIN.md, «Rewards and publicity»): a programme's awards with the nominees the
// record suggests, the certificate of an award, and the region's library of best practices. The
// public check of a certificate has its own unsigned client in publicCertificate.ts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { allPages } from "./pairing";
import { unwrap } from "./problem";
import { programKeys } from "./programs";
import type { Award, MentorshipForm, NewAward, NewPractice, NomineeKind, Practice, PracticePatch, PracticeStatus, RoleModel } from "./types";

export const recognitionKeys = {
  /** Under the programme: its invalidation refreshes the awards too. */
  awards: (programId: number) => [...programKeys.one(programId), "awards"] as const,
  nominees: (programId: number, kind: NomineeKind) => [...programKeys.one(programId), "award-nominees", kind] as const,
  award: (id: number) => ["awards", id] as const,
  certificate: (id: number) => ["awards", id, "certificate"] as const,
  practices: ["practices"] as const,
  practiceList: (filter: PracticeFilter) => ["practices", "list", filter] as const,
  practice: (id: number) => ["practices", id] as const,
};

const ifMatch = (etag: string | null | undefined) => (etag ? { "If-Match": etag } : {});

/** Every award of the programme, revoked ones included. */
export function useAwards(programId: number) {
  return useQuery({
    queryKey: recognitionKeys.awards(programId),
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(await api.GET("/api/v1/programs/{id}/awards", { params: { path: { id: programId }, query: { limit: 500, cursor } } })),
      ),
  });
}

export function useNominees(programId: number, kind: NomineeKind) {
  return useQuery({
    queryKey: recognitionKeys.nominees(programId, kind),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/award-nominees", { params: { path: { id: programId }, query: { kind, limit: 10 } } })),
  });
}

function useInvalidateAwards(programId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...programKeys.one(programId)] });
}

export function useGrantAward(programId: number) {
  const invalidate = useInvalidateAwards(programId);
  return useMutation({
    mutationFn: async (body: NewAward) => unwrap(await api.POST("/api/v1/programs/{id}/awards", { params: { path: { id: programId } }, body })),
    onSuccess: invalidate,
  });
}

export function useRevokeAward(programId: number) {
  const invalidate = useInvalidateAwards(programId);
  return useMutation({
    mutationFn: async ({ award, reason }: { award: Award; reason: string }) =>
      unwrap(
        await api.POST("/api/v1/awards/{id}/revoke", { params: { path: { id: award.id }, header: ifMatch(award.etag) }, body: { reason } }),
      ),
    onSuccess: invalidate,
  });
}

export function useAward(awardId: number) {
  return useQuery({
    queryKey: recognitionKeys.award(awardId),
    queryFn: async () => unwrap(await api.GET("/api/v1/awards/{id}", { params: { path: { id: awardId } } })),
  });
}

export function useCertificate(awardId: number) {
  return useQuery({
    queryKey: recognitionKeys.certificate(awardId),
    queryFn: async () => unwrap(await api.GET("/api/v1/awards/{id}/certificate", { params: { path: { id: awardId } } })),
  });
}

export interface PracticeFilter {
  q: string;
  form: MentorshipForm | null;
  role_model: RoleModel | null;
  status: PracticeStatus | null;
}

/** The library as the caller may see it, every page (a region publishes dozens, not thousands). */
export function usePractices(filter: PracticeFilter) {
  return useQuery({
    queryKey: recognitionKeys.practiceList(filter),
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          await api.GET("/api/v1/practices", {
            params: {
              query: {
                limit: 500,
                cursor,
                q: filter.q.trim() || undefined,
                form: filter.form ?? undefined,
                role_model: filter.role_model ?? undefined,
                status: filter.status ?? undefined,
              },
            },
          }),
        ),
      ),
  });
}

export function usePractice(id: number | null) {
  return useQuery({
    queryKey: recognitionKeys.practice(id ?? 0),
    enabled: id !== null,
    queryFn: async () => unwrap(await api.GET("/api/v1/practices/{id}", { params: { path: { id: id! } } })),
  });
}

function useInvalidatePractices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: recognitionKeys.practices });
}

export function useCreatePractice() {
  const invalidate = useInvalidatePractices();
  return useMutation({
    mutationFn: async (body: NewPractice) => unwrap(await api.POST("/api/v1/practices", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdatePractice() {
  const invalidate = useInvalidatePractices();
  return useMutation({
    mutationFn: async ({ practice, patch }: { practice: Practice; patch: PracticePatch }) =>
      unwrap(await api.PATCH("/api/v1/practices/{id}", { params: { path: { id: practice.id }, header: ifMatch(practice.etag) }, body: patch })),
    onSuccess: invalidate,
  });
}

/** submit (the school), publish or return (the institute). */
export function usePracticeStep() {
  const invalidate = useInvalidatePractices();
  return useMutation({
    mutationFn: async ({ practice, step, note }: { practice: Practice; step: "submit" | "publish" | "return"; note?: string }) => {
      const params = { path: { id: practice.id } };
      if (step === "submit") return unwrap(await api.POST("/api/v1/practices/{id}/submit", { params }));
      if (step === "publish") return unwrap(await api.POST("/api/v1/practices/{id}/publish", { params }));
      return unwrap(await api.POST("/api/v1/practices/{id}/return", { params, body: { note: note ?? "" } }));
    },
    onSuccess: invalidate,
  });
}
