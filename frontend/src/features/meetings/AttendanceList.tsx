import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Attendee } from "../../api/types";

/** Who came: each person with ✓, ✗, or «не отмечено». */
export function AttendanceList({ attendance }: { attendance: readonly Attendee[] }) {
  const { t } = useTranslation();
  if (attendance.every((a) => a.present === null || a.present === undefined)) return null;
  return (
    <Group gap="xs" wrap="wrap" component="ul" aria-label={t("meetings.attendance.title")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
      <Text size="sm" c="dimmed" component="li">
        {t("meetings.attendance.title")}:
      </Text>
      {attendance.map((a) => {
        const name = a.name ?? t("meetings.erasedName");
        const state = a.present === true ? "present" : a.present === false ? "absent" : "unmarked";
        return (
          <Text key={a.participant_id} size="sm" component="li" c={state === "absent" ? "red.8" : undefined}>
            <span aria-hidden>{state === "present" ? "✓ " : state === "absent" ? "✗ " : "· "}</span>
            {t(`meetings.attendance.${state}`, { name })}
          </Text>
        );
      })}
    </Group>
  );
}
