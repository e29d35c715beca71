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

const PARTICIPANT_ROLES: readonly Role[] = ["institute", "school_admin", "coordinator", "curator", "psychologist"];

/** Whether the user works with the school's people (the «Участники» screens). */
export function seesParticipants(me: Me): boolean {
  return me.is_system_admin || me.memberships.some((m) => PARTICIPANT_ROLES.includes(m.role));
}

/** Whether the user administers this school: the audit trail of its records is theirs to read. */
export function isSchoolAdmin(me: Me, schoolId: number): boolean {
  return me.memberships.some((m) => m.role === "school_admin" && m.organization_id === schoolId);
}

const SENSITIVE_ROLES: readonly Role[] = ["school_admin", "curator", "psychologist"];

/** Whether the user may see and set a child's sensitive facts in this school. */
export function seesSensitive(me: Me, schoolId: number): boolean {
  return me.memberships.some((m) => SENSITIVE_ROLES.includes(m.role) && m.organization_id === schoolId);
}
