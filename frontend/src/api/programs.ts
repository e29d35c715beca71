import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { ApiProblem, unwrap } from "./problem";
import type { NewProgram, ProgramPatch } from "./types";

export const programKeys = {
  all: ["programs"] as const,
  list: (schoolId: number) => [...programKeys.all, "school", schoolId] as const,
  one: (id: number) => [...programKeys.all, id] as const,
  roadmap: (id: number) => [...programKeys.all, id, "roadmap"] as const,
  mediaPlan: (id: number) => [...programKeys.all, id, "media-plan"] as const,
};

/** A school's programmes, following cursors: a school runs a handful a year. */
export function usePrograms(schoolId: number | null) {
  return useQuery({
    queryKey: programKeys.list(schoolId ?? 0),
    enabled: schoolId !== null,
    queryFn: async () => {
      const params = (cursor?: string) => ({ path: { school_id: schoolId! }, query: { limit: 100, cursor } });
      const first = unwrap(await api.GET("/api/v1/schools/{school_id}/programs", { params: params() }));
      const items = [...first.items];
      for (let cursor = first.next_cursor; cursor; ) {
        const page = unwrap(await api.GET("/api/v1/schools/{school_id}/programs", { params: params(cursor) }));
        items.push(...page.items);
        cursor = page.next_cursor;
      }
      return items;
    },
  });
}

/** One programme with its ETag, which a later PATCH sends back as If-Match. */
export function useProgram(id: number) {
  return useQuery({
    queryKey: programKeys.one(id),
    queryFn: async () => {
      const result = await api.GET("/api/v1/programs/{id}", { params: { path: { id } } });
      return { program: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateProgram(schoolId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewProgram) =>
      unwrap(await api.POST("/api/v1/schools/{school_id}/programs", { params: { path: { school_id: schoolId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programKeys.list(schoolId) }),
  });
}

export function useUpdateProgram(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ patch, etag }: { patch: ProgramPatch; etag: string | null }) =>
      unwrap(
        await api.PATCH("/api/v1/programs/{id}", {
          params: { path: { id }, header: etag ? { "If-Match": etag } : {} },
          body: patch,
        }),
      ),
    // Status and dates change what the roadmap and the list show; a 412 needs the new ETag.
    onSettled: () => queryClient.invalidateQueries({ queryKey: programKeys.all }),
  });
}

/** Fetches the deadlines feed with the bearer token (a plain link would go unsigned) and saves it. */
export async function downloadCalendar(programId: number, fileName: string) {
  const result = await api.GET("/api/v1/programs/{id}/calendar.ics", {
    params: { path: { id: programId } },
    parseAs: "blob",
  });
  if (!result.response.ok) throw new ApiProblem(result.response.status, result.error);
  const url = URL.createObjectURL(result.data as Blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
