import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Meeting } from "../../api/types";
import { meetingHref, meetingPeople } from "./calendarGrid";
import { formatClock } from "./meetingTime";
import { MEETING_STATUS_COLORS } from "./sequence";

/** A meeting in a grid day: time, kind and mentor in the status's colour; a link to the pair's timeline. */
export function MeetingChip({ meeting, timeZone }: { meeting: Meeting; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const people = meetingPeople(meeting, t("meetings.erasedName"));
  const color = MEETING_STATUS_COLORS[meeting.status];
  const time = formatClock(meeting.starts_at, i18n.language, timeZone);
  const label = t("meetings.calendar.chipLabel", {
    time,
    kind: t(`meetings.kinds.${meeting.kind}`),
    pair: t("pairs.name", { mentor: people.mentor, mentees: people.mentees.join(", ") }),
    status: t(`meetings.status.${meeting.status}`),
  });
  return (
    <Anchor
      component={Link}
      to={meetingHref(meeting)}
      aria-label={label}
      title={label}
      underline="never"
      display="block"
      px={4}
      py={2}
      style={{
        borderRadius: 4,
        borderLeft: `3px solid var(--mantine-color-${color}-filled)`,
        background: `var(--mantine-color-${color}-light)`,
        color: "var(--mantine-color-text)",
        opacity: meeting.status === "cancelled" ? 0.7 : 1,
      }}
    >
      <Text size="xs" lineClamp={2} td={meeting.status === "cancelled" ? "line-through" : undefined}>
        <b>{time}</b> {t(`meetings.kindsShort.${meeting.kind}`)} · {people.mentor}
      </Text>
    </Anchor>
  );
}
