import { Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Meeting } from "../../api/types";
import { inMonth, meetingsByDay, monthWeeks, type Month } from "./calendarGrid";
import { MeetingChip } from "./MeetingChip";
import { formatDayHeading, formatMonthTitle } from "./meetingTime";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** The month as a wall calendar: weeks from Monday, each day with its meetings. */
export function MonthGrid({ month, meetings, timeZone, today }: { month: Month; meetings: Meeting[]; timeZone: string; today: string }) {
  const { t, i18n } = useTranslation();
  const byDay = meetingsByDay(meetings, timeZone);
  return (
    <Table withTableBorder withColumnBorders layout="fixed" aria-label={formatMonthTitle(month.year, month.month, i18n.language)}>
      <Table.Thead>
        <Table.Tr>
          {WEEKDAYS.map((day) => (
            <Table.Th key={day} ta="center">
              <abbr title={t(`meetings.calendar.weekdays.${day}`)} style={{ textDecoration: "none" }}>
                {t(`meetings.calendar.weekdaysShort.${day}`)}
              </abbr>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {monthWeeks(month).map((week) => (
          <Table.Tr key={week[0]}>
            {week.map((day) => {
              const list = byDay.get(day) ?? [];
              const outside = !inMonth(day, month);
              const isToday = day === today;
              return (
                <Table.Td key={day} valign="top" h={96} p={4} bg={outside ? "var(--mantine-color-gray-light)" : undefined} aria-current={isToday ? "date" : undefined}>
                  <Stack gap={2}>
                    <Text size="xs" fw={isToday ? 700 : 400} c={outside ? "dimmed" : isToday ? "indigo.8" : undefined}>
                      <span aria-hidden>{Number(day.slice(8))}</span>
                      <VisuallyHidden>{formatDayHeading(day, i18n.language)}</VisuallyHidden>
                    </Text>
                    {list.map((meeting) => (
                      <MeetingChip key={meeting.id} meeting={meeting} timeZone={timeZone} />
                    ))}
                  </Stack>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
