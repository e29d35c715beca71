import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { programKeys } from "./programs";
import { unwrap } from "./problem";
import type { Activity, ActivityPatch, NewActivity } from "./types";

export function useRoadmap(programId: number) {
  return useQuery({
    queryKey: programKeys.roadmap(programId),
    queryFn: async () => unwrap(await api.GET("/api/v1/programs/{id}/roadmap", { params: { path: { id: programId } } })),
  });
}

/** Any change to an activity moves the stage's and the programme's progress: refetch both. */
function useInvalidateProgram(programId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: programKeys.roadmap(programId) }),
      queryClient.invalidateQueries({ queryKey: programKeys.one(programId) }),
      queryClient.invalidateQueries({ queryKey: [...programKeys.all, "school"] }),
    ]);
}

export function useCreateActivity(programId: number) {
  const invalidate = useInvalidateProgram(programId);
  return useMutation({
    mutationFn: async ({ stageNo, body }: { stageNo: number; body: NewActivity }) =>
      unwrap(
        await api.POST("/api/v1/programs/{id}/roadmap/stages/{stage_no}/activities", {
          params: { path: { id: programId, stage_no: stageNo } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateActivity(programId: number) {
  const invalidate = useInvalidateProgram(programId);
  return useMutation({
    mutationFn: async ({ activity, patch }: { activity: Activity; patch: ActivityPatch }) =>
      unwrap(
        await api.PATCH("/api/v1/roadmap-activities/{id}", {
          params: { path: { id: activity.id }, header: { "If-Match": activity.etag } },
          body: patch,
        }),
      ),
    // Settled, not success: after a 412 the reload brings the other person's version and etag.
    onSettled: invalidate,
  });
}

export function useDeleteActivity(programId: number) {
  const invalidate = useInvalidateProgram(programId);
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE("/api/v1/roadmap-activities/{id}", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
