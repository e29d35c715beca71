import { Select } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useMe } from "../../api/me";
import { useOrganizations } from "../../api/organizations";
import { reportingScopes, type Scope } from "./figures";

/** The region or institute the view is open for: the one last picked, else the first. */
export function useReportingScope() {
  const { data: me } = useMe();
  const organizations = useOrganizations();
  const [picked, setPicked] = useLocalStorage<number | null>({ key: "nastavnik.reporting.organization", defaultValue: null });
  const scopes: Scope[] = me ? reportingScopes(me, me.is_system_admin ? organizations.data : []) : [];
  const current = scopes.find((s) => s.id === picked) ?? scopes[0] ?? null;
  return { scopes, current, pick: setPicked, loading: !me };
}

export function ScopeSelect({ scopes, current, pick }: { scopes: Scope[]; current: Scope | null; pick: (id: number) => void }) {
  const { t } = useTranslation();
  if (scopes.length < 2) return null;
  return (
    <Select
      label={t("results.scope")}
      searchable
      allowDeselect={false}
      maw={480}
      data={scopes.map((s) => ({ value: String(s.id), label: `${s.name} (${t(`organizationKinds.${s.kind}`)})` }))}
      value={current ? String(current.id) : null}
      onChange={(v) => v && pick(Number(v))}
    />
  );
}
