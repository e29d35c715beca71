import { useSearchParams } from "react-router";
import { useSchools } from "../../api/organizations";
import type { Me } from "../../api/types";
import { useCurrentOrganization } from "../../app/useCurrentOrganization";

export interface SchoolChoice {
  id: number;
  name: string;
}

/**
 * The school whose programmes the page shows: the one in the address (so a link keeps it),
 * else the school the user works in now, else their first. Those who work above schools
 * (system admin, region, institute) choose among the schools they may see.
 */
export function useProgramSchool(me: Me) {
  const [params, setParams] = useSearchParams();
  const { current } = useCurrentOrganization(me);
  const memberSchools = uniqueSchools(me);
  const schools = useSchools(memberSchools.length === 0);
  const choices = memberSchools.length > 0 ? memberSchools : (schools.data ?? []).map((o) => ({ id: o.id, name: o.name }));

  const fromAddress = Number(params.get("school"));
  const preferred = current?.organization_kind === "school" ? current.organization_id : undefined;
  const school =
    choices.find((c) => c.id === fromAddress) ?? choices.find((c) => c.id === preferred) ?? choices[0] ?? null;

  const pick = (id: number) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set("school", String(id));
      return next;
    });

  return { school, choices, pick, isPending: memberSchools.length === 0 && schools.isPending, error: schools.error };
}

function uniqueSchools(me: Me): SchoolChoice[] {
  const byId = new Map<number, string>();
  for (const m of me.memberships) {
    if (m.organization_kind === "school") byId.set(m.organization_id, m.organization_name);
  }
  return [...byId].map(([id, name]) => ({ id, name }));
}
