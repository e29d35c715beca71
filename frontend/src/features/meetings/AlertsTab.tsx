import { Accordion, Badge, Chip, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAlerts } from "../../api/meetings";
import { useMe } from "../../api/me";
import { usePairs } from "../../api/pairs";
import { ALERT_CODES, type AlertCode, type Program } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { managesPairs } from "../programs/pairs/pairPermissions";
import { AlertCard } from "./AlertCard";
import { alertsTotal, sortAlerts } from "./alertTexts";
import { MeetingSettingsForm } from "./MeetingSettingsForm";

/**
 * «Сигналы»: pairs that never met, pairs gone quiet, mentees who stopped coming — with what to
 * do and the way to the pair — and the school's limits behind them.
 */
export function AlertsTab({ program, readOnly }: { program: Program; readOnly: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const alerts = useAlerts(program.id);
  // The pairs name the mentee a `missed_meetings` alert is about (the alert gives only an id).
  const pairs = usePairs(program.id, null);
  const [code, setCode] = useState<AlertCode | "all">("all");
  const canManage = !readOnly && !!me && managesPairs(me, program.school_id);

  return (
    <Stack gap="xl">
      {alerts.isPending ? (
        <PageLoader />
      ) : alerts.error ? (
        <ErrorAlert error={alerts.error} />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t("meetings.alerts.limits", { intro: alerts.data.introduction_within_days, quiet: alerts.data.quiet_after_days })}
          </Text>
          <Chip.Group multiple={false} value={code} onChange={(value) => setCode(value as AlertCode | "all")}>
            <Group gap="xs" role="group" aria-label={t("meetings.alerts.filter")}>
              <Chip value="all" variant="outline">
                {t("meetings.alerts.all", { count: alertsTotal(alerts.data.counts) })}
              </Chip>
              {ALERT_CODES.map((c) => (
                <Chip key={c} value={c} variant="outline" data-testid={`alert-count-${c}`}>
                  {t(`meetings.alerts.codes.${c}`)}: {alerts.data.counts[c]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {alerts.data.items.length === 0 ? (
            <Text c="dimmed">{t("meetings.alerts.empty")}</Text>
          ) : (
            <Stack gap="sm" component="ul" aria-label={t("meetings.alerts.list")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {sortAlerts(alerts.data.items)
                .filter((a) => code === "all" || a.code === code)
                .map((alert) => (
                  <AlertCard
                    key={`${alert.code}-${alert.pair_id}-${alert.participant_id ?? ""}`}
                    alert={alert}
                    pair={pairs.data?.find((p) => p.id === alert.pair_id)}
                  />
                ))}
            </Stack>
          )}
        </Stack>
      )}

      <Accordion variant="separated" order={2}>
        <Accordion.Item value="settings">
          <Accordion.Control>
            <Text span fw={600} size="lg">
              {t("meetings.settings.title")}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <MeetingSettingsForm schoolId={program.school_id} readOnly={!canManage} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

/** The number of alerts beside the tab's name; nothing while none or unknown. */
export function AlertCountBadge({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const alerts = useAlerts(programId);
  const total = alerts.data ? alertsTotal(alerts.data.counts) : 0;
  if (total === 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" circle={total < 10} aria-label={t("meetings.alerts.count", { count: total })}>
      {total}
    </Badge>
  );
}
