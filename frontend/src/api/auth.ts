import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sessionStore } from "../app/session";
import { api } from "./client";
import { unwrap } from "./problem";

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) =>
      unwrap(await api.POST("/api/v1/auth/login", { body: credentials })),
    onSuccess: (pair) => {
      queryClient.clear();
      sessionStore.save(pair);
    },
  });
}

/** Ends the session locally even when the server cannot be reached: the user asked to leave. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const session = sessionStore.get();
      if (!session) return;
      await api.POST("/api/v1/auth/logout", { body: { refresh_token: session.refreshToken } }).catch(() => undefined);
    },
    onSettled: () => {
      sessionStore.clear();
      queryClient.clear();
    },
  });
}
