import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { programKeys } from "./programs";
import { unwrap } from "./problem";
import type { MediaItem, MediaItemPatch, NewMediaItem } from "./types";

export function useMediaPlan(programId: number) {
  return useQuery({
    queryKey: programKeys.mediaPlan(programId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/programs/{id}/media-plan", { params: { path: { id: programId } } })).items,
  });
}

function useInvalidateMediaPlan(programId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programKeys.mediaPlan(programId) });
}

export function useCreateMediaItem(programId: number) {
  const invalidate = useInvalidateMediaPlan(programId);
  return useMutation({
    mutationFn: async (body: NewMediaItem) =>
      unwrap(await api.POST("/api/v1/programs/{id}/media-plan", { params: { path: { id: programId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateMediaItem(programId: number) {
  const invalidate = useInvalidateMediaPlan(programId);
  return useMutation({
    mutationFn: async ({ item, patch }: { item: MediaItem; patch: MediaItemPatch }) =>
      unwrap(
        await api.PATCH("/api/v1/media-plan-items/{id}", {
          params: { path: { id: item.id }, header: { "If-Match": item.etag } },
          body: patch,
        }),
      ),
    onSettled: invalidate,
  });
}

export function useDeleteMediaItem(programId: number) {
  const invalidate = useInvalidateMediaPlan(programId);
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE("/api/v1/media-plan-items/{id}", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
