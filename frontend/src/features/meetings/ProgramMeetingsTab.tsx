import { ActionIcon, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useProgramMeetings } from "../../api/meetings";
import { MEETING_STATUSES, type Program } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { AgendaList } from "./AgendaList";
import { gridBounds, monthAt, monthBounds, monthParam, parseMonth, shiftMonth, type Month } from "./calendarGrid";
import { formatMonthTitle, zonedParts } from "./meetingTime";
import { MonthGrid } from "./MonthGrid";
import { MEETING_STATUS_COLORS } from "./sequence";
import { useSchoolTimeZone } from "./useSchoolTimeZone";

/**
 * «Встречи»: the programme's meetings by the school's days — a month grid on a wide screen, a
 * list of days on a phone — coloured by status; each leads to its pair's timeline.
 */
export function ProgramMeetingsTab({ program }: { program: Program }) {
  const zone = useSchoolTimeZone(program.school_id);
  if (zone.pending) return <PageLoader />;
  return <Calendar programId={program.id} timeZone={zone.timeZone} />;
}

function Calendar({ programId, timeZone }: { programId: number; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery("(max-width: 48em)");
  // The month lives in the address beside the tab, so that coming back from a pair returns to it.
  const [params, setParams] = useSearchParams();
  const now = new Date();
  const current = monthAt(now, timeZone);
  const month = parseMonth(params.get("month")) ?? current;
  const today = zonedParts(now, timeZone).date;
  const { from, to } = phone ? monthBounds(month, timeZone) : gridBounds(month, timeZone);
  const meetings = useProgramMeetings(programId, from, to);
  const title = formatMonthTitle(month.year, month.month, i18n.language);

  const go = (target: Month) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set("month", monthParam(target));
        return next;
      },
      { replace: true },
    );

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <ActionIcon variant="default" size="lg" aria-label={t("meetings.calendar.previous")} onClick={() => go(shiftMonth(month, -1))}>
            <span aria-hidden>‹</span>
          </ActionIcon>
          <Title order={2} size="h3" aria-live="polite" miw={phone ? undefined : 200} ta="center">
            {title}
          </Title>
          <ActionIcon variant="default" size="lg" aria-label={t("meetings.calendar.next")} onClick={() => go(shiftMonth(month, 1))}>
            <span aria-hidden>›</span>
          </ActionIcon>
        </Group>
        <Button variant="subtle" size="xs" onClick={() => go(current)} disabled={monthParam(month) === monthParam(current)}>
          {t("meetings.calendar.thisMonth")}
        </Button>
      </Group>
      <Group gap="xs" aria-label={t("meetings.calendar.legend")} role="group">
        {MEETING_STATUSES.map((status) => (
          <Badge key={status} color={MEETING_STATUS_COLORS[status]} variant="light" tt="none">
            {t(`meetings.status.${status}`)}
          </Badge>
        ))}
        <Text size="xs" c="dimmed">
          {t("meetings.calendar.timeZone", { zone: timeZone })}
        </Text>
      </Group>
      {meetings.isPending ? (
        <PageLoader />
      ) : meetings.error ? (
        <ErrorAlert error={meetings.error} />
      ) : phone ? (
        meetings.data.length === 0 ? (
          <Text c="dimmed">{t("meetings.calendar.empty")}</Text>
        ) : (
          <AgendaList meetings={meetings.data} timeZone={timeZone} today={today} />
        )
      ) : (
        <>
          {meetings.data.length === 0 && <Text c="dimmed">{t("meetings.calendar.empty")}</Text>}
          <MonthGrid month={month} meetings={meetings.data} timeZone={timeZone} today={today} />
        </>
      )}
    </Stack>
  );
}
