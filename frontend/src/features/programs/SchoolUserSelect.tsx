import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useUsers } from "../../api/users";

function useSchoolUserOptions(schoolId: number) {
  const users = useUsers({ organizationId: schoolId });
  const options = (users.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.full_name }));
  return { options, loading: users.isPending };
}

type OneProps = Omit<SelectProps, "data"> & { schoolId: number };

/** One person of the school, by name (values are user ids as strings, as Select keeps them). */
export function SchoolUserSelect({ schoolId, ...props }: OneProps) {
  const { t } = useTranslation();
  const { options, loading } = useSchoolUserOptions(schoolId);
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t("common.nothingFound")}
      {...props}
      data={options}
      disabled={props.disabled || loading}
    />
  );
}

type ManyProps = Omit<MultiSelectProps, "data"> & { schoolId: number };

export function SchoolUsersMultiSelect({ schoolId, ...props }: ManyProps) {
  const { t } = useTranslation();
  const { options, loading } = useSchoolUserOptions(schoolId);
  return (
    <MultiSelect
      searchable
      nothingFoundMessage={t("common.nothingFound")}
      {...props}
      data={options}
      disabled={props.disabled || loading}
    />
  );
}
