// Pairs and groups, the orders approving them, development plans, the pairing settings, the
// preference sheets after the group meeting, and the mentees left without a pair.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { allPages } from "./pairing";
import { unwrap } from "./problem";
import { programKeys } from "./programs";
import type {
  MenteeSupportInput,
  PairCompletion,
  NewPair,
  NewPairingOrder,
  Pair,
  PairPatch,
  PairStatus,
  PairingSettingsInput,
  PlanInput,
  PreferencesInput,
} from "./types";

export const pairsKeys = {
  /** Everything about a programme's pairs lives under the programme, so its invalidation covers them. */
  list: (programId: number, status: PairStatus | null) => [...programKeys.one(programId), "pairs", status ?? "all"] as const,
  orders: (programId: number) => [...programKeys.one(programId), "orders"] as const,
  unmatched: (programId: number) => [...programKeys.one(programId), "unmatched"] as const,
  settings: (programId: number) => [...programKeys.one(programId), "pairing-settings"] as const,
  preferences: (programId: number) => [...programKeys.one(programId), "preferences"] as const,
  pairs: ["pairs"] as const,
  pair: (pairId: number) => ["pairs", pairId] as const,
  plan: (pairId: number) => ["pairs", pairId, "plan"] as const,
  order: (orderId: number) => ["orders", orderId] as const,
};

const ifMatch = (etag: string | null | undefined) => (etag ? { "If-Match": etag } : {});

/** A programme's pairs and groups, every page (a school has dozens), optionally of one status. */
export function usePairs(programId: number, status: PairStatus | null) {
  return useQuery({
    queryKey: pairsKeys.list(programId, status),
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          await api.GET("/api/v1/programs/{id}/pairs", {
            params: { path: { id: programId }, query: { limit: 500, cursor, status } },
          }),
        ),
      ),
  });
}

export function usePair(pairId: number) {
  return useQuery({
    queryKey: pairsKeys.pair(pairId),
    queryFn: async () => unwrap(await api.GET("/api/v1/pairs/{id}", { params: { path: { id: pairId } } })),
  });
}

/** A pair's change moves the bases (places, mentee statuses), the unmatched list and the stage gates. */
function useInvalidatePairs(programId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: programKeys.one(programId) }),
      queryClient.invalidateQueries({ queryKey: pairsKeys.pairs }),
    ]);
}

export function useCreatePair(programId: number) {
  const invalidate = useInvalidatePairs(programId);
  return useMutation({
    mutationFn: async (body: NewPair) =>
      unwrap(await api.POST("/api/v1/programs/{id}/pairs", { params: { path: { id: programId } }, body })),
    onSuccess: invalidate,
  });
}

/** Starts or dissolves a pair, sending back the ETag it was read with. */
export function useUpdatePair(programId: number) {
  const invalidate = useInvalidatePairs(programId);
  return useMutation({
    mutationFn: async ({ pair, patch }: { pair: Pair; patch: PairPatch }) =>
      unwrap(
        await api.PATCH("/api/v1/pairs/{id}", {
          params: { path: { id: pair.id }, header: ifMatch(pair.etag) },
          body: patch,
        }),
      ),
    // A 412 means someone else changed the pair: reload so the row shows what is true now.
    onSettled: invalidate,
  });
}

export function useCompletePair(programId: number) {
  const invalidate = useInvalidatePairs(programId);
  return useMutation({
    mutationFn: async ({ pair, ...body }: { pair: Pair } & PairCompletion) =>
      unwrap(
        await api.POST("/api/v1/pairs/{id}/complete", {
          params: { path: { id: pair.id }, header: ifMatch(pair.etag) },
          body,
        }),
      ),
    onSettled: invalidate,
  });
}

export function useOrders(programId: number) {
  return useQuery({
    queryKey: pairsKeys.orders(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/orders", { params: { path: { id: programId } } })).items,
  });
}

export function useOrder(orderId: number) {
  return useQuery({
    queryKey: pairsKeys.order(orderId),
    queryFn: async () => unwrap(await api.GET("/api/v1/orders/{id}", { params: { path: { id: orderId } } })),
  });
}

export function useSignOrder(programId: number) {
  const invalidate = useInvalidatePairs(programId);
  return useMutation({
    mutationFn: async (body: NewPairingOrder) =>
      unwrap(await api.POST("/api/v1/programs/{id}/orders", { params: { path: { id: programId } }, body })),
    onSuccess: invalidate,
  });
}

export function usePlan(pairId: number) {
  return useQuery({
    queryKey: pairsKeys.plan(pairId),
    queryFn: async () => unwrap(await api.GET("/api/v1/pairs/{id}/plan", { params: { path: { id: pairId } } })),
  });
}

/** Replaces the plan whole; a 412 means someone else saved it since it was read. */
export function useSavePlan(pairId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ plan, etag }: { plan: PlanInput; etag: string }) =>
      unwrap(
        await api.PUT("/api/v1/pairs/{id}/plan", {
          params: { path: { id: pairId }, header: ifMatch(etag) },
          body: plan,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(pairsKeys.plan(pairId), saved),
  });
}

export function usePairingSettings(programId: number) {
  return useQuery({
    queryKey: pairsKeys.settings(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/pairing-settings", { params: { path: { id: programId } } })),
  });
}

export function useSavePairingSettings(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ settings, etag }: { settings: PairingSettingsInput; etag: string }) =>
      unwrap(
        await api.PUT("/api/v1/programs/{id}/pairing-settings", {
          params: { path: { id: programId }, header: ifMatch(etag) },
          body: settings,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(pairsKeys.settings(programId), saved),
    // The preference limit is also what the preference sheets read.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: pairsKeys.settings(programId) }),
        queryClient.invalidateQueries({ queryKey: pairsKeys.preferences(programId) }),
      ]),
  });
}

export function usePreferences(programId: number) {
  return useQuery({
    queryKey: pairsKeys.preferences(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/preferences", { params: { path: { id: programId } } })),
  });
}

export function useSavePreferences(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PreferencesInput) =>
      unwrap(await api.PUT("/api/v1/programs/{id}/preferences", { params: { path: { id: programId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(pairsKeys.preferences(programId), saved),
  });
}

export function useUnmatchedMentees(programId: number) {
  return useQuery({
    queryKey: pairsKeys.unmatched(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/unmatched-mentees", { params: { path: { id: programId } } })).items,
  });
}

/** Support notes and the date the search continues; the mentee moves to `awaiting_support`. */
export function useSaveSupport(programId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ menteeId, support }: { menteeId: number; support: MenteeSupportInput }) =>
      unwrap(
        await api.PUT("/api/v1/program-mentees/{id}/support", { params: { path: { id: menteeId } }, body: support }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: programKeys.one(programId) }),
  });
}
