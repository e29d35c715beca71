import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ParticipantFilters as Filters } from "../../api/participants";
import { PARTICIPANT_KINDS, type ParticipantKind } from "../../api/types";
import { GRADE_OPTIONS } from "./ParticipantFields";

interface Props {
  /** What is typed in the search box now (the query follows it after a pause). */
  search: string;
  onSearch: (value: string) => void;
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function ParticipantFilters({ search, onSearch, filters, onChange }: Props) {
  const { t } = useTranslation();
  const consentValue = filters.consent === null ? null : filters.consent ? "yes" : "no";
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} role="search" aria-label={t("participants.filters")}>
      <TextInput
        label={t("participants.search")}
        placeholder={t("participants.searchPlaceholder")}
        type="search"
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
      />
      <Select
        label={t("participants.kind")}
        clearable
        placeholder={t("participants.any")}
        data={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`participantKinds.${k}`) }))}
        value={filters.kind}
        onChange={(value) => onChange({ ...filters, kind: (value as ParticipantKind | null) ?? null })}
      />
      <Select
        label={t("participants.grade")}
        clearable
        placeholder={t("participants.any")}
        data={GRADE_OPTIONS}
        value={filters.grade === null ? null : String(filters.grade)}
        onChange={(value) => onChange({ ...filters, grade: value ? Number(value) : null })}
      />
      <Select
        label={t("participants.consent")}
        clearable
        placeholder={t("participants.any")}
        data={[
          { value: "yes", label: t("participants.consentYes") },
          { value: "no", label: t("participants.consentNo") },
        ]}
        value={consentValue}
        onChange={(value) => onChange({ ...filters, consent: value === null ? null : value === "yes" })}
      />
    </SimpleGrid>
  );
}
