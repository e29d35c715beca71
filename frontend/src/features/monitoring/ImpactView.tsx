import { BarChart } from "@mantine/charts";
import { Accordion, Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useImpactReport } from "../../api/monitoring";
import type { GroupImpact, ImpactStats, ParameterImpact } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { effectSize, formatChange, formatNumber, formatP, groupsBy, LOWER_IS_BETTER, verdict } from "./analytics";

const VERDICT_COLORS = { better: "green", worse: "red", noChange: "gray" } as const;

/** A parameter's name in words when we know it, its code otherwise. */
export function useParameterName() {
  const { t, i18n } = useTranslation();
  return (code: string) => (i18n.exists(`monitoring.parameters.${code}`) ? t(`monitoring.parameters.${code}`) : code);
}

/** A group's name: a form, a role model, how pairs were formed, or a pair's number. */
export function useGroupLabel() {
  const { t, i18n } = useTranslation();
  return (by: string, group: string) => {
    if (by === "pair") return t("monitoring.groups.pair", { id: group });
    if (by === "role_model" && group === "none") return t("monitoring.groups.noRoleModel");
    const key = by === "form" ? `forms.${group}` : by === "role_model" ? `roleModels.${group}` : `monitoring.impact.algorithms.${group}`;
    return i18n.exists(key) ? t(key) : group;
  };
}

/**
 * Phase 2, «Влияние на участников»: each parameter measured at entry and exit, from the impact
 * instrument or from records: the change with its 95% interval, the test to trust and the effect
 * size; the same by form, role model and the way pairs were formed; each person's dynamics for
 * those allowed to see them.
 */
export function ImpactView({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const report = useImpactReport(programId);
  if (report.isPending) return <PageLoader />;
  if (report.error) return <ErrorAlert error={report.error} />;
  if (report.data.parameters.length === 0) return <Text c="dimmed">{t("monitoring.impact.empty")}</Text>;
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t("monitoring.impact.intro")}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {report.data.parameters.map((p) => (
          <ParameterCard key={`${p.source}-${p.parameter}`} impact={p} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ParameterCard({ impact }: { impact: ParameterImpact }) {
  const { t, i18n } = useTranslation();
  const name = useParameterName()(impact.parameter);
  const titleId = `impact-${impact.source}-${impact.parameter}`;
  const stats = impact.stats ?? null;
  const split = groupsBy(impact.groups);
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-parameter={impact.parameter}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" id={titleId}>
              {name}
            </Title>
            <Text size="xs" c="dimmed">
              {t(`monitoring.impact.sources.${impact.source}`)} · {t("monitoring.impact.people", { count: impact.n })}
              {LOWER_IS_BETTER.includes(impact.parameter) ? ` · ${t("monitoring.impact.lowerIsBetter")}` : ""}
            </Text>
          </div>
          {stats && <VerdictBadge stats={stats} parameter={impact.parameter} />}
        </Group>
        {impact.suppressed ? (
          <Alert color="gray" variant="light">
            {t("monitoring.impact.suppressed")}
          </Alert>
        ) : !stats ? (
          <Text size="sm" c="dimmed">
            {t("monitoring.impact.tooFew")}
          </Text>
        ) : (
          <>
            <StatsLines stats={stats} />
            <figure style={{ margin: 0 }} aria-label={t("monitoring.impact.chartOf", { name })}>
              <BarChart
                h={140}
                orientation="vertical"
                yAxisProps={{ width: 70 }}
                data={[
                  { phase: t("monitoring.phases.entry"), mean: stats.entry_mean },
                  { phase: t("monitoring.phases.exit"), mean: stats.exit_mean },
                ]}
                dataKey="phase"
                series={[{ name: "mean", label: t("monitoring.impact.meanLabel"), color: "teal.6" }]}
                valueFormatter={(value) => formatNumber(value, i18n.language)}
              />
            </figure>
          </>
        )}
        {split.length > 0 && (
          <Accordion variant="contained">
            {split.map(({ by, groups }) => (
              <Accordion.Item key={by} value={by}>
                <Accordion.Control>{t(`monitoring.impact.by.${by}`, { defaultValue: by })}</Accordion.Control>
                <Accordion.Panel>
                  <GroupTable groups={groups} by={by} parameter={impact.parameter} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
        {impact.participants && impact.participants.length > 0 && (
          <Accordion variant="contained">
            <Accordion.Item value="people">
              <Accordion.Control>{t("monitoring.impact.dynamics", { count: impact.participants.length })}</Accordion.Control>
              <Accordion.Panel>
                <Table.ScrollContainer minWidth={360}>
                  <Table striped aria-label={t("monitoring.impact.dynamicsOf", { name })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("monitoring.impact.person")}</Table.Th>
                        <Table.Th ta="right">{t("monitoring.phases.entry")}</Table.Th>
                        <Table.Th ta="right">{t("monitoring.phases.exit")}</Table.Th>
                        <Table.Th ta="right">{t("monitoring.impact.change")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {impact.participants.map((p) => (
                        <Table.Tr key={p.participant_id}>
                          <Table.Td>{p.name ?? t("participants.erasedName", { id: p.participant_id })}</Table.Td>
                          <Table.Td ta="right">{formatNumber(p.entry, i18n.language)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(p.exit, i18n.language)}</Table.Td>
                          <Table.Td ta="right">{formatChange(p.change, i18n.language)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
      </Stack>
    </Card>
  );
}

function VerdictBadge({ stats, parameter }: { stats: ImpactStats; parameter: string }) {
  const { t } = useTranslation();
  const v = verdict(stats, parameter);
  return (
    <Badge color={VERDICT_COLORS[v]} variant={v === "noChange" ? "light" : "filled"} tt="none" style={{ flexShrink: 0, overflow: "visible" }}>
      {t(`monitoring.impact.verdict.${v}`)}
    </Badge>
  );
}

function StatsLines({ stats }: { stats: ImpactStats }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const size = effectSize(stats.cohens_dz);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t("monitoring.impact.means", { entry: formatNumber(stats.entry_mean, lang), exit: formatNumber(stats.exit_mean, lang) })}
      </Text>
      <Text size="sm" fw={600}>
        {t("monitoring.impact.changeLine", {
          change: formatChange(stats.mean_change, lang),
          low: formatChange(stats.ci_low, lang),
          high: formatChange(stats.ci_high, lang),
        })}
      </Text>
      <Text size="sm">
        {t("monitoring.impact.testLine", { test: t(`monitoring.impact.tests.${stats.lead_test}`, { defaultValue: stats.lead_test }), p: formatP(stats.p_value, lang) })}
        {stats.cohens_dz != null && size
          ? ` · ${t("monitoring.impact.effect", { d: formatNumber(stats.cohens_dz, lang), size: t(`monitoring.impact.sizes.${size}`) })}`
          : ""}
      </Text>
      <Text size="xs" c="dimmed">
        {t("monitoring.impact.directions", { up: stats.increased, down: stats.decreased, same: stats.unchanged })}
      </Text>
    </Stack>
  );
}

function GroupTable({ groups, by, parameter }: { groups: GroupImpact[]; by: string; parameter: string }) {
  const { t, i18n } = useTranslation();
  const label = useGroupLabel();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table aria-label={t(`monitoring.impact.by.${by}`, { defaultValue: by })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("monitoring.impact.group")}</Table.Th>
            <Table.Th ta="right">n</Table.Th>
            <Table.Th ta="right">{t("monitoring.impact.change")}</Table.Th>
            <Table.Th>{t("monitoring.impact.result")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.group}>
              <Table.Td>{label(by, g.group)}</Table.Td>
              <Table.Td ta="right">{g.n}</Table.Td>
              <Table.Td ta="right">
                {g.suppressed || !g.stats ? "—" : `${formatChange(g.stats.mean_change, i18n.language)} (${formatP(g.stats.p_value, i18n.language)})`}
              </Table.Td>
              <Table.Td>
                {g.suppressed ? (
                  <Text size="xs" c="dimmed">
                    {t("monitoring.withheld")}
                  </Text>
                ) : g.stats ? (
                  <VerdictBadge stats={g.stats} parameter={parameter} />
                ) : (
                  <Text size="xs" c="dimmed">
                    {t("monitoring.impact.tooFewShort")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
