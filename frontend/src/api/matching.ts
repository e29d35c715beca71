// Matching runs (the engine's proposals with their reasons, kept per run so that two can be
// compared), accepting proposals into pairs, and the locks and exclusions the engine respects.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { pairsKeys } from "./pairs";
import { unwrap } from "./problem";
import { programKeys } from "./programs";
import type { NewMatchingRun, NewPairConstraint } from "./types";

export const matchingKeys = {
  /** The list and the constraints live under the programme, so its invalidation covers them. */
  runs: (programId: number) => [...programKeys.one(programId), "matching-runs"] as const,
  constraints: (programId: number) => [...programKeys.one(programId), "pair-constraints"] as const,
  all: ["matching-runs"] as const,
  run: (runId: number) => ["matching-runs", runId] as const,
};

/** The programme's runs, newest first, with their figures but without proposals. */
export function useMatchingRuns(programId: number) {
  return useQuery({
    queryKey: matchingKeys.runs(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/matching-runs", { params: { path: { id: programId } } })).items,
  });
}

/** One run whole: inputs, proposals with reasons, the unmatched and statistics. */
export function useMatchingRun(runId: number | null) {
  return useQuery({
    queryKey: matchingKeys.run(runId ?? 0),
    enabled: runId !== null,
    queryFn: async () => unwrap(await api.GET("/api/v1/matching-runs/{id}", { params: { path: { id: runId! } } })),
  });
}

/** Runs the engine; the run it answers with is put in the cache, so opening it costs nothing. */
export function useCreateRun(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewMatchingRun) =>
      unwrap(await api.POST("/api/v1/programs/{id}/matching-runs", { params: { path: { id: programId } }, body })),
    onSuccess: (run) => {
      queryClient.setQueryData(matchingKeys.run(run.id), run);
      // «Без пары» shows the reasons of the latest run.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: matchingKeys.runs(programId) }),
        queryClient.invalidateQueries({ queryKey: pairsKeys.unmatched(programId) }),
      ]);
    },
  });
}

/**
 * Accepts proposals of a run: they become pairs and groups in status proposed. Whatever the
 * answer (a 409 means something changed since the run), reload the run, the bases and the pairs.
 */
export function useAcceptProposals(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ runId, proposalIds }: { runId: number; proposalIds: number[] }) =>
      unwrap(
        await api.POST("/api/v1/matching-runs/{id}/accept", {
          params: { path: { id: runId } },
          body: { proposal_ids: proposalIds },
        }),
      ).pairs,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: programKeys.one(programId) }),
        queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
        queryClient.invalidateQueries({ queryKey: pairsKeys.pairs }),
      ]),
  });
}

export function usePairConstraints(programId: number) {
  return useQuery({
    queryKey: matchingKeys.constraints(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/pair-constraints", { params: { path: { id: programId } } })).items,
  });
}

/** Locks a pair (every later run keeps it) or excludes it (never proposed, refused by hand too). */
export function useCreateConstraint(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewPairConstraint) =>
      unwrap(await api.POST("/api/v1/programs/{id}/pair-constraints", { params: { path: { id: programId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: matchingKeys.constraints(programId) }),
  });
}

export function useDeleteConstraint(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (constraintId: number) =>
      unwrap(await api.DELETE("/api/v1/pair-constraints/{id}", { params: { path: { id: constraintId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: matchingKeys.constraints(programId) }),
  });
}
