import { useQuery } from "@tanstack/react-query";
import { api } from "./client";
import { unwrap } from "./problem";
import type { Me, Role } from "./types";

export const meKey = ["me"] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => unwrap(await api.GET("/api/v1/me")),
    staleTime: 60_000,
  });
}

const ADMINISTERING_ROLES: readonly Role[] = ["region_admin", "institute", "school_admin"];

/** Whether the user manages organisations and users (the «Организации» and «Пользователи» screens). */
export function administers(me: Me): boolean {
  return me.is_system_admin || me.memberships.some((m) => ADMINISTERING_ROLES.includes(m.role));
}

const PROGRAMME_ROLES: readonly Role[] = [
  "region_admin",
  "institute",
  "school_admin",
  "coordinator",
  "curator",
  "psychologist",
];

/** Whether the user works with schools' programmes (the «Программы» screens); mentors and mentees do not. */
export function seesPrograms(me: Me): boolean {
  return me.is_system_admin || me.memberships.some((m) => PROGRAMME_ROLES.includes(m.role));
}
