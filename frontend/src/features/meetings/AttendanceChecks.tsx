import { Checkbox, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Attendee } from "../../api/types";

interface Props {
  people: readonly Pick<Attendee, "participant_id" | "name" | "role">[];
  present: Record<string, boolean>;
  onChange: (present: Record<string, boolean>) => void;
}

/** A tick for each person of the pair or group: who came. */
export function AttendanceChecks({ people, present, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t("meetings.attendance.who")}
      value={people.filter((p) => present[String(p.participant_id)]).map((p) => String(p.participant_id))}
      onChange={(ids) => onChange(Object.fromEntries(people.map((p) => [String(p.participant_id), ids.includes(String(p.participant_id))])))}
    >
      <Stack gap="xs" mt={6}>
        {people.map((p) => (
          <Checkbox
            key={p.participant_id}
            size="md"
            value={String(p.participant_id)}
            label={t(`meetings.attendance.person.${p.role}`, { name: p.name ?? t("meetings.erasedName") })}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
