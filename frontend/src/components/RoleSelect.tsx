import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../api/types";

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: Role | null;
  onChange: (role: Role | null) => void;
};

export function RoleSelect({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      value={value}
      onChange={(selected) => onChange(selected as Role | null)}
    />
  );
}
