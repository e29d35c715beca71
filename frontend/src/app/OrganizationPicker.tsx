import { Select, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/types";
import { useCurrentOrganization } from "./useCurrentOrganization";

/** Shows the organisation the user works in; lets them switch when they belong to several. */
export function OrganizationPicker({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { current, memberships, pick } = useCurrentOrganization(me);
  const organizations = new Map(memberships.map((m) => [String(m.organization_id), m.organization_name]));

  if (!current) {
    return me.is_system_admin ? <Text size="sm" c="dimmed">{t("roles.system_admin")}</Text> : null;
  }
  if (organizations.size < 2) return <Text size="sm" fw={500}>{current.organization_name}</Text>;
  return (
    <Select
      size="xs"
      aria-label={t("shell.currentOrganization")}
      value={String(current.organization_id)}
      onChange={(value) => value && pick(Number(value))}
      data={[...organizations].map(([value, label]) => ({ value, label }))}
      allowDeselect={false}
      w={260}
    />
  );
}
