import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeetingAlert, Pair } from "../../api/types";
import { alertDaysText, alertPeople, alertTitle } from "./alertTexts";

const CODE_COLORS: Record<MeetingAlert["code"], string> = {
  no_introduction: "red",
  quiet_pair: "orange",
  missed_meetings: "yellow",
};

/** One alert: what is wrong, with whom, for how long, what to do, and the way to the pair's meetings. */
export function AlertCard({ alert, pair }: { alert: MeetingAlert; pair?: Pair }) {
  const { t, i18n } = useTranslation();
  const people = alertPeople(alert, pair);
  const erased = t("meetings.erasedName");
  const pairName = t("pairs.name", { mentor: people.mentor ?? erased, mentees: people.mentees.map((m) => m ?? erased).join(", ") });
  return (
    <Paper
      withBorder
      p="sm"
      component="li"
      data-alert-code={alert.code}
      data-pair-id={alert.pair_id}
      style={{ borderLeft: `4px solid var(--mantine-color-${CODE_COLORS[alert.code]}-filled)` }}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge color={CODE_COLORS[alert.code]} variant="light" tt="none">
            {alertTitle(alert, t)}
          </Badge>
          <Text size="sm" c="dimmed">
            {alertDaysText(alert, t, i18n.language)}
          </Text>
        </Group>
        <Text fw={500} style={{ overflowWrap: "anywhere" }}>
          {pairName}
        </Text>
        {alert.code === "missed_meetings" && (
          <Text size="sm">{t("meetings.alerts.concerned", { name: people.concerned ?? t("meetings.alerts.oneOfMentees") })}</Text>
        )}
        <Text size="sm">{alert.action}</Text>
        <Anchor component={Link} to={`/pairs/${alert.pair_id}/meetings`} size="sm" fw={500} aria-label={t("meetings.alerts.openOf", { name: pairName })}>
          {t("meetings.alerts.open")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
