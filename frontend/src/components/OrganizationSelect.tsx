import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useOrganizations } from "../api/organizations";

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: number | null;
  onChange: (id: number | null) => void;
};

/** Picks one of the organisations the user may see, with its kind beside the name. */
export function OrganizationSelect({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const data = (organizations.data ?? []).map((o) => ({
    value: String(o.id),
    label: `${o.name} (${t(`organizationKinds.${o.kind}`)})`,
  }));
  return (
    <Select
      searchable
      nothingFoundMessage={t("common.nothingFound")}
      {...props}
      data={data}
      disabled={props.disabled || organizations.isPending}
      value={value === null ? null : String(value)}
      onChange={(selected) => onChange(selected ? Number(selected) : null)}
    />
  );
}
