import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { unwrap } from "./problem";
import type { NewApiToken } from "./types";

const tokensKey = (organizationId: number) => ["organizations", organizationId, "api-tokens"] as const;

export function useApiTokens(organizationId: number) {
  return useQuery({
    queryKey: tokensKey(organizationId),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organizations/{id}/api-tokens", {
          params: { path: { id: organizationId }, query: { limit: 500 } },
        }),
      ).items,
  });
}

export function useCreateApiToken(organizationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewApiToken) =>
      unwrap(await api.POST("/api/v1/organizations/{id}/api-tokens", { params: { path: { id: organizationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(organizationId) }),
  });
}

export function useRevokeApiToken(organizationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (tokenId: number) =>
      unwrap(await api.DELETE("/api/v1/api-tokens/{id}", { params: { path: { id: tokenId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(organizationId) }),
  });
}
