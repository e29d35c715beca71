import { Alert, Badge, Button, Group, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { usePairMeetings } from "../../api/meetings";
import type { Meeting, Pair } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { LogMeetingModal } from "./LogMeetingModal";
import { meetingActions } from "./meetingActions";
import { MeetingActionsBar } from "./MeetingActionsBar";
import { MeetingDetails } from "./MeetingDetails";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { formatMeetingDay } from "./meetingTime";
import type { Seat } from "./seat";
import { awaitsMark, finalHeld, foldMeetings, MEETING_STATUS_COLORS, nextStep, pairTakesMeetings, sortMeetings } from "./sequence";

interface Props {
  pair: Pair;
  seat: Seat;
  /** Whether this user may log and change the pair's meetings. */
  canWrite: boolean;
  timeZone: string;
  /** The level of the «Встречи» heading: 2 on the pair's page, 3 inside «Мои встречи». */
  headingOrder?: 2 | 3;
}

/**
 * A pair's meetings in the model's sequence — знакомство, пробная, планирование, регулярные,
 * итоговая — each with its status, time, place, attendance, notes and feedback, and the next
 * step with the quick form to log it.
 */
export function PairTimeline({ pair, seat, canWrite, timeZone, headingOrder = 2 }: Props) {
  const { t } = useTranslation();
  const meetings = usePairMeetings(pair.id);
  const [logging, setLogging] = useState(false);
  const works = pairTakesMeetings(pair.status);

  if (meetings.isPending) return <PageLoader />;
  if (meetings.error) return <ErrorAlert error={meetings.error} />;
  const list = sortMeetings(meetings.data);
  const next = nextStep(list);
  const headingId = `meetings-of-${pair.id}`;

  return (
    <Stack gap="md">
      <Title order={headingOrder} size={headingOrder === 2 ? "h3" : "h4"} id={headingId}>
        {t("meetings.timeline")}
      </Title>
      {pair.status === "proposed" && <Alert color="yellow">{t("meetings.pairProposed")}</Alert>}
      {(pair.status === "completed" || pair.status === "dissolved") && <Alert color="gray">{t("meetings.pairClosed")}</Alert>}
      {works && (
        <Paper withBorder p="sm" bg="var(--mantine-color-indigo-light)">
          <Stack gap="xs">
            <Text fw={600} data-testid="next-step">
              {next ? t("meetings.nextStep", { kind: t(`meetings.kindsInline.${next}`) }) : t("meetings.sequenceDone")}
            </Text>
            {next === "regular" && <Text size="sm">{t("meetings.nextStepRegularHint")}</Text>}
            {!next && finalHeld(list) && <Text size="sm">{t("meetings.finalHeldHint")}</Text>}
            {canWrite && (
              <Button size="md" onClick={() => setLogging(true)} style={{ alignSelf: "flex-start" }} aria-label={t("meetings.logFor", { name: headingName(pair) })}>
                {t("meetings.log")}
              </Button>
            )}
          </Stack>
        </Paper>
      )}
      {list.length === 0 ? (
        <Text c="dimmed">{t("meetings.empty")}</Text>
      ) : (
        <MeetingList pair={pair} meetings={list} seat={seat} canWrite={canWrite} timeZone={timeZone} labelledBy={headingId} />
      )}
      {logging && (
        <LogMeetingModal pair={pair} kind={next ?? "regular"} timeZone={timeZone} readsPlan={seat === "staff"} onClose={() => setLogging(false)} />
      )}
    </Stack>
  );
}

const headingName = (pair: Pair) => [pair.mentor.name, ...pair.mentees.map((m) => m.name)].filter(Boolean).join(", ");

interface ListProps {
  pair: Pair;
  meetings: Meeting[];
  seat: Seat;
  canWrite: boolean;
  timeZone: string;
  labelledBy: string;
}

function MeetingList({ pair, meetings, seat, canWrite, timeZone, labelledBy }: ListProps) {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  const [expanded, setExpanded] = useState(false);
  const now = new Date();
  const target = hash.startsWith("#meeting-") ? Number(hash.slice("#meeting-".length)) : null;
  const { shown, hidden } = foldMeetings(meetings, { expanded, target });
  const lastHeld = shown.reduce((last, m, i) => (m.status === "held" ? i : last), -1);

  // Coming from the calendar or a link: bring the meeting into view.
  useEffect(() => {
    if (!hash.startsWith("#meeting-")) return;
    document.getElementById(hash.slice(1))?.scrollIntoView({ block: "center" });
  }, [hash]);

  return (
    <Stack gap="sm">
      {hidden > 0 && (
        <Button variant="subtle" size="sm" onClick={() => setExpanded(true)} style={{ alignSelf: "flex-start" }}>
          {t("meetings.showEarlier", { count: hidden })}
        </Button>
      )}
      <Timeline active={lastHeld} bulletSize={18} lineWidth={2} role="list" aria-labelledby={labelledBy}>
        {shown.map((meeting) => {
          const name = `${t(`meetings.kinds.${meeting.kind}`)}, ${formatMeetingDay(meeting.starts_at, i18n.language, timeZone)}`;
          const targeted = hash === `#meeting-${meeting.id}`;
          return (
            <Timeline.Item
              key={meeting.id}
              role="listitem"
              id={`meeting-${meeting.id}`}
              data-meeting-kind={meeting.kind}
              data-meeting-status={meeting.status}
              color={MEETING_STATUS_COLORS[meeting.status]}
              lineVariant={meeting.status === "scheduled" ? "dashed" : "solid"}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} td={meeting.status === "cancelled" ? "line-through" : undefined}>
                    {t(`meetings.kinds.${meeting.kind}`)}
                  </Text>
                  <MeetingStatusBadge status={meeting.status} />
                  {awaitsMark(meeting, now) && (
                    <Badge color="orange" variant="outline" tt="none">
                      {t("meetings.awaitsMark")}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Paper p={targeted ? "xs" : 0} withBorder={targeted} mt={4}>
                <Stack gap="xs">
                  <MeetingDetails meeting={meeting} timeZone={timeZone} />
                  <MeetingActionsBar
                    pair={pair}
                    meeting={meeting}
                    actions={meetingActions(meeting, pair.status, now, canWrite)}
                    seat={seat}
                    timeZone={timeZone}
                    name={name}
                  />
                </Stack>
              </Paper>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Stack>
  );
}
