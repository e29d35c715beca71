import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { unwrap } from "./problem";
import type {
  ContingentInput,
  NewOrganization,
  Organization,
  OrganizationPatch,
  RoadmapTemplateUpdate,
} from "./types";

export const organizationKeys = {
  all: ["organizations"] as const,
  list: () => [...organizationKeys.all, "list"] as const,
  schools: () => [...organizationKeys.all, "schools"] as const,
  one: (id: number) => [...organizationKeys.all, id] as const,
  contingent: (id: number) => [...organizationKeys.all, id, "contingent"] as const,
  roadmapTemplate: (id: number) => [...organizationKeys.all, id, "roadmap-template"] as const,
};

/** Every organisation the caller may see, following cursors: trees are small. */
export function useOrganizations() {
  return useQuery({
    queryKey: organizationKeys.list(),
    queryFn: async () => {
      const all: Organization[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET("/api/v1/organizations", { params: { query: { limit: 500, cursor } } }));
        all.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
}

/** The schools the caller may see, for those who work above one school (system, region, institute). */
export function useSchools(enabled: boolean) {
  return useQuery({
    queryKey: organizationKeys.schools(),
    enabled,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/organizations", { params: { query: { kind: "school", limit: 500 } } })).items,
  });
}

/** One organisation with its ETag, which a later PATCH sends back as If-Match. */
export function useOrganization(id: number | null) {
  return useQuery({
    queryKey: organizationKeys.one(id ?? 0),
    enabled: id !== null,
    queryFn: async () => {
      const result = await api.GET("/api/v1/organizations/{id}", { params: { path: { id: id! } } });
      return { organization: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewOrganization) => unwrap(await api.POST("/api/v1/organizations", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list() }),
  });
}

export function useUpdateOrganization(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ patch, etag }: { patch: OrganizationPatch; etag: string | null }) =>
      unwrap(
        await api.PATCH("/api/v1/organizations/{id}", {
          params: { path: { id }, header: etag ? { "If-Match": etag } : {} },
          body: patch,
        }),
      ),
    // A 412 means someone else changed it: refetching brings the new ETag either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
  });
}

export function useContingent(id: number) {
  return useQuery({
    queryKey: organizationKeys.contingent(id),
    queryFn: async () => unwrap(await api.GET("/api/v1/organizations/{id}/contingent", { params: { path: { id } } })),
  });
}

export function useSaveContingent(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ContingentInput) =>
      unwrap(await api.PUT("/api/v1/organizations/{id}/contingent", { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(organizationKeys.contingent(id), saved),
  });
}

/** The roadmap template new programmes of the institute's schools start from. */
export function useRoadmapTemplate(id: number) {
  return useQuery({
    queryKey: organizationKeys.roadmapTemplate(id),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/organizations/{id}/roadmap-template", { params: { path: { id } } })),
  });
}

export function useSaveRoadmapTemplate(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RoadmapTemplateUpdate) =>
      unwrap(await api.PUT("/api/v1/organizations/{id}/roadmap-template", { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.roadmapTemplate(id) }),
  });
}
