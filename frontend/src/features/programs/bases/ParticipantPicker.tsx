import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParticipants } from "../../../api/participants";
import type { Participant } from "../../../api/types";
import { classOf, lacksConsent, participantName } from "../../participants/participantForm";

interface Props {
  schoolId: number;
  label: string;
  value: number | null;
  error?: string;
  onChange: (participant: Participant | null) => void;
}

/** Picks one of the school's people by searching the server as one types. */
export function ParticipantPicker({ schoolId, label, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<Participant | null>(null);
  // Once picked, the box shows the picked label: do not search for that.
  const typed = picked && search === optionLabel(picked) ? "" : search;
  const [q] = useDebouncedValue(typed, 300);
  const found = useParticipants(schoolId, { q, kind: null, grade: null, consent: null });
  const people = found.data?.pages[0]?.items ?? [];
  const byId = new Map(people.map((p) => [p.id, p]));
  if (picked) byId.set(picked.id, picked);

  function optionLabel(p: Participant) {
    const parts = [participantName(p) ?? `#${p.id}`, classOf(p), t(`participantKinds.${p.kind}`)].filter(Boolean);
    const text = parts.join(", ");
    return lacksConsent(p) ? `${text} — ${t("participants.minorNoConsent")}` : text;
  }

  return (
    <Select
      label={label}
      required
      searchable
      clearable
      placeholder={t("participants.searchPlaceholder")}
      nothingFoundMessage={found.isFetching ? t("common.loading") : t("common.nothingFound")}
      filter={({ options }) => options}
      data={[...byId.values()].map((p) => ({ value: String(p.id), label: optionLabel(p) }))}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      error={error}
      onChange={(selected) => {
        const participant = selected ? (byId.get(Number(selected)) ?? null) : null;
        setPicked(participant);
        onChange(participant);
      }}
    />
  );
}
