import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { unwrap } from "./problem";
import type { NewMembership, NewUser, UserPatch } from "./types";

export const userKeys = {
  all: ["users"] as const,
  list: (filter: UserFilter) => [...userKeys.all, "list", filter] as const,
  one: (id: number) => [...userKeys.all, id] as const,
};

export interface UserFilter {
  q?: string;
  organizationId?: number;
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: userKeys.list(filter),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/users", {
          params: { query: { q: filter.q || undefined, organization_id: filter.organizationId, limit: 200 } },
        }),
      ),
  });
}

export function useUser(id: number) {
  return useQuery({
    queryKey: userKeys.one(id),
    queryFn: async () => unwrap(await api.GET("/api/v1/users/{id}", { params: { path: { id } } })),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewUser) => unwrap(await api.POST("/api/v1/users", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UserPatch) =>
      unwrap(await api.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body })),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.one(id), user);
      return queryClient.invalidateQueries({ queryKey: [...userKeys.all, "list"] });
    },
  });
}

export function useAddMembership(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewMembership) =>
      unwrap(await api.POST("/api/v1/users/{id}/memberships", { params: { path: { id: userId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useRemoveMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (membershipId: number) =>
      unwrap(await api.DELETE("/api/v1/memberships/{id}", { params: { path: { id: membershipId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
