import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Meeting } from "../../api/types";
import { agendaDays, meetingHref, meetingPeople } from "./calendarGrid";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { formatClock, formatDayHeading } from "./meetingTime";
import { MEETING_STATUS_COLORS } from "./sequence";

interface Props {
  meetings: Meeting[];
  timeZone: string;
  today: string;
  /** Where a meeting leads: its pair's timeline, or (in «Мои встречи») the card on the same page. */
  hrefOf?: (meeting: Meeting) => string;
  headingOrder?: 3 | 4;
  /** The latest day first, for what has passed. */
  newestFirst?: boolean;
}

/** The meetings as a list of days, for a phone: each day's heading, then its meetings in time order. */
export function AgendaList({ meetings, timeZone, today, hrefOf = meetingHref, headingOrder = 3, newestFirst = false }: Props) {
  const { t, i18n } = useTranslation();
  const days = agendaDays(meetings, timeZone);
  return (
    <Stack gap="md">
      {(newestFirst ? days.reverse() : days).map(({ day, meetings: list }) => (
        <section key={day} aria-labelledby={`agenda-${day}`}>
          <Title order={headingOrder} size="h5" id={`agenda-${day}`} mb={6} c={day === today ? "indigo.8" : undefined}>
            {formatDayHeading(day, i18n.language)}
            {day === today ? ` · ${t("meetings.calendar.today")}` : ""}
          </Title>
          <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {list.map((meeting) => {
              const people = meetingPeople(meeting, t("meetings.erasedName"));
              return (
                <Paper
                  key={meeting.id}
                  component="li"
                  withBorder
                  p="xs"
                  style={{ borderLeft: `4px solid var(--mantine-color-${MEETING_STATUS_COLORS[meeting.status]}-filled)` }}
                >
                  <Anchor component={Link} to={hrefOf(meeting)} underline="never" c="inherit" display="block">
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600} size="sm" td={meeting.status === "cancelled" ? "line-through" : undefined}>
                          {formatClock(meeting.starts_at, i18n.language, timeZone)}–{formatClock(meeting.ends_at, i18n.language, timeZone)}{" "}
                          {t(`meetings.kinds.${meeting.kind}`)}
                        </Text>
                        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                          {t("pairs.name", { mentor: people.mentor, mentees: people.mentees.join(", ") })}
                        </Text>
                        {meeting.topic ? (
                          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                            {meeting.topic}
                          </Text>
                        ) : null}
                      </div>
                      <div style={{ flexShrink: 0 }}>
                        <MeetingStatusBadge status={meeting.status} />
                      </div>
                    </Group>
                  </Anchor>
                </Paper>
              );
            })}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
