import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRequestTags } from "../../../api/pairing";

type Props = Omit<MultiSelectProps, "data"> & { schoolId: number };

/** The school's request tags (standard and its own), by label; values are tag codes. */
export function TagMultiSelect({ schoolId, ...props }: Props) {
  const { t } = useTranslation();
  const tags = useRequestTags(schoolId);
  return (
    <MultiSelect
      searchable
      clearable
      nothingFoundMessage={t("common.nothingFound")}
      {...props}
      data={(tags.data ?? []).map((tag) => ({ value: tag.code, label: tag.label }))}
      disabled={props.disabled || tags.isPending}
    />
  );
}

/** Tag codes as their labels, for tables. */
export function useTagLabels(schoolId: number) {
  const tags = useRequestTags(schoolId);
  const labels = new Map((tags.data ?? []).map((tag) => [tag.code, tag.label]));
  return (code: string) => labels.get(code) ?? code;
}
