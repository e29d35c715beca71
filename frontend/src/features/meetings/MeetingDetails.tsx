import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Meeting } from "../../api/types";
import { AttendanceList } from "./AttendanceList";
import { FeedbackLine } from "./FeedbackStars";
import { formatMeetingWhen } from "./meetingTime";

/** What is known of a meeting: when, how and where, about what, who came, notes and feedback. */
export function MeetingDetails({ meeting, timeZone }: { meeting: Meeting; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        <time dateTime={meeting.starts_at}>{formatMeetingWhen(meeting, i18n.language, timeZone)}</time>
      </Text>
      <Group gap={6} wrap="wrap">
        <Text size="sm">{t(`meetings.format.${meeting.format}`)}</Text>
        {meeting.format === "online" && meeting.link ? (
          <Anchor href={meeting.link} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("meetings.openLink")}
          </Anchor>
        ) : null}
        {meeting.place ? (
          <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            · {meeting.place}
          </Text>
        ) : null}
      </Group>
      {meeting.topic ? <Labelled label={t("meetings.fields.topic")} value={meeting.topic} /> : null}
      {meeting.plan_task ? <Labelled label={t("meetings.fields.planTask")} value={meeting.plan_task} /> : null}
      {meeting.status === "cancelled" ? (
        <Text size="sm" c="orange.9">
          {t("meetings.cancelledBy", {
            who: t(`meetings.cancelledByWho.${meeting.cancelled_by ?? "unknown"}`, { defaultValue: meeting.cancelled_by ?? "" }),
            reason: meeting.cancel_reason ?? "—",
          })}
        </Text>
      ) : null}
      <AttendanceList attendance={meeting.attendance} />
      {meeting.notes ? <Labelled label={t("meetings.fields.notes")} value={meeting.notes} /> : null}
      <FeedbackLine label={t("meetings.feedback.side.mentor")} rating={meeting.mentor_rating} text={meeting.mentor_feedback} />
      <FeedbackLine label={t("meetings.feedback.side.mentee")} rating={meeting.mentee_rating} text={meeting.mentee_feedback} />
    </Stack>
  );
}

function Labelled({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
      <Text span c="dimmed" size="sm">
        {label}:
      </Text>{" "}
      {value}
    </Text>
  );
}
