import { BarChart } from "@mantine/charts";
import { Alert, Box, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProgramReport, ReportLine } from "../../../api/types";
import { formatLongDay } from "../../programs/pairs/orderDocument";
import { formatNumber, formatP } from "../../monitoring/analytics";
import { useParameterName } from "../../monitoring/ImpactView";
import { chartRows, countText, impactRows, stageRows } from "./reportData";

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Text size="xl" fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" className="report-section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A bar chart of counts with its figures in a table beside it, for screen readers and paper. */
function CountChart({ caption, lines, label }: { caption: string; lines: readonly ReportLine[]; label: (key: string) => string }) {
  const { t } = useTranslation();
  const rows = chartRows(lines, label);
  if (lines.length === 0) return <Text c="dimmed">{t("report.none")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {rows.length > 0 ? (
        <figure style={{ margin: 0 }} aria-hidden>
          <BarChart h={Math.max(120, rows.length * 36)} orientation="vertical" yAxisProps={{ width: 150 }} data={rows} dataKey="name" series={[{ name: "count", label: caption, color: "indigo.6" }]} />
        </figure>
      ) : (
        <div />
      )}
      <Table aria-label={caption}>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.key}>
              <Table.Td>{label(l.key)}</Table.Td>
              <Table.Td ta="right">{countText(l.count, t("report.withheld"))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}

/** The programme report: what the curator hands the director, on screen and on paper. */
export function ReportView({ report }: { report: ProgramReport }) {
  const { t, i18n } = useTranslation();
  const parameterName = useParameterName();
  const withheld = t("report.withheld");
  const count = (n: number | null | undefined) => countText(n, withheld);
  const known = (prefix: string) => (key: string) => (i18n.exists(`${prefix}.${key}`) ? t(`${prefix}.${key}`) : key);
  const { bases, pairs, meetings, roadmap, monitoring } = report;
  const stages = stageRows(report);
  const impact = impactRows(report, parameterName);

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {report.frozen_at
          ? t("report.frozen", { date: formatLongDay(report.frozen_at.slice(0, 10), i18n.language) })
          : t("report.live", { date: formatLongDay(report.generated_at.slice(0, 10), i18n.language) })}
      </Text>
      {report.suppressed && (
        <Alert color="gray" title={t("report.suppressedTitle")}>
          {t("report.suppressed")}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label={t("report.figures.mentees")} value={count(bases.mentees.total)} />
        <Figure label={t("report.figures.mentors")} value={count(bases.mentors.total)} />
        <Figure label={t("report.figures.pairs")} value={count(pairs.total)} />
        <Figure label={t("report.figures.meetings")} value={String(meetings.held)} />
        <Figure label={t("report.figures.roadmap")} value={`${roadmap.overall.percent} %`} />
      </SimpleGrid>

      <Section title={t("report.sections.bases")}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <CountChart caption={t("report.captions.mentees")} lines={bases.mentees.by_status} label={known("menteeStatus")} />
          <CountChart caption={t("report.captions.mentors")} lines={bases.mentors.by_status} label={known("mentorStatus")} />
        </SimpleGrid>
        <Text size="sm">{t("report.mentorsTrained", { count: count(bases.mentors_trained) })}</Text>
      </Section>

      <Section title={t("report.sections.pairs")}>
        <Text size="sm">{t("report.menteesInPairs", { count: count(pairs.mentees_in_pairs) })}</Text>
        <CountChart caption={t("report.captions.byForm")} lines={pairs.by_form} label={known("forms")} />
        <CountChart caption={t("report.captions.byRoleModel")} lines={pairs.by_role_model} label={known("roleModels")} />
        <CountChart caption={t("report.captions.byOutcome")} lines={pairs.by_outcome} label={known("pairs.outcomes")} />
      </Section>

      <Section title={t("report.sections.meetings")}>
        <Text size="sm">{t("report.meetingsLine", { held: meetings.held, scheduled: meetings.scheduled, cancelled: meetings.cancelled })}</Text>
        <CountChart caption={t("report.captions.meetingKinds")} lines={meetings.held_by_kind} label={known("meetings.kinds")} />
      </Section>

      <Section title={t("report.sections.roadmap")}>
        <Text size="sm">{t("report.roadmapLine", { done: roadmap.overall.done, total: roadmap.overall.total, overdue: roadmap.overall.overdue })}</Text>
        <figure style={{ margin: 0 }} aria-hidden>
          <BarChart
            h={220}
            type="stacked"
            data={stages}
            dataKey="stage"
            series={[
              { name: "done", label: t("report.stage.done"), color: "teal.6" },
              { name: "overdue", label: t("report.stage.overdue"), color: "red.6" },
              { name: "open", label: t("report.stage.open"), color: "gray.4" },
            ]}
            withLegend
          />
        </figure>
        <Table aria-label={t("report.sections.roadmap")}>
          <Table.Tbody>
            {roadmap.stages.map((s) => (
              <Table.Tr key={s.stage_no}>
                <Table.Td>{t("report.stageTitle", { n: s.stage_no, title: s.title })}</Table.Td>
                <Table.Td ta="right">{t("report.stageFigures", { done: s.done, total: s.total, overdue: s.overdue })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t("report.sections.monitoring")}>
        {monitoring.surveys.length === 0 ? (
          <Text c="dimmed">{t("report.noSurveys")}</Text>
        ) : (
          <Table aria-label={t("report.captions.surveys")}>
            <Table.Tbody>
              {monitoring.surveys.map((s, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {s.title} · {t(`monitoring.phases.${s.phase}`)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {t("report.responses", { submitted: s.submitted, invitations: s.invitations })}
                    {typeof s.response_rate === "number" ? ` · ${Math.round(s.response_rate * 100)} %` : ""}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(monitoring.strengths.length > 0 || monitoring.weaknesses.length > 0) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Box>
              <Text fw={600}>{t("report.strengths")}</Text>
              {monitoring.strengths.map((item, i) => (
                <Text size="sm" key={i}>
                  {item.question} — {Math.round(item.score * 100)} % <Text span c="dimmed" size="xs">({item.survey})</Text>
                </Text>
              ))}
            </Box>
            <Box>
              <Text fw={600}>{t("report.weaknesses")}</Text>
              {monitoring.weaknesses.map((item, i) => (
                <Text size="sm" key={i}>
                  {item.question} — {Math.round(item.score * 100)} % <Text span c="dimmed" size="xs">({item.survey})</Text>
                </Text>
              ))}
            </Box>
          </SimpleGrid>
        )}
        {impact.length > 0 && (
          <figure style={{ margin: 0 }} aria-hidden>
            <BarChart
              h={Math.max(160, impact.length * 48)}
              orientation="vertical"
              yAxisProps={{ width: 150 }}
              data={impact}
              dataKey="parameter"
              series={[
                { name: "entry", label: t("monitoring.phases.entry"), color: "gray.5" },
                { name: "exit", label: t("monitoring.phases.exit"), color: "teal.6" },
              ]}
              withLegend
              valueFormatter={(value) => formatNumber(value, i18n.language)}
            />
          </figure>
        )}
        {monitoring.impact.length > 0 && (
          <Table aria-label={t("report.captions.impact")}>
            <Table.Tbody>
              {monitoring.impact.map((i) => (
                <Table.Tr key={`${i.source}.${i.parameter}`}>
                  <Table.Td>{parameterName(i.parameter)}</Table.Td>
                  <Table.Td ta="right">
                    {typeof i.entry_mean === "number" && typeof i.exit_mean === "number"
                      ? t("report.impactLine", {
                          entry: formatNumber(i.entry_mean, i18n.language),
                          exit: formatNumber(i.exit_mean, i18n.language),
                          p: formatP(i.p_value ?? null, i18n.language),
                          n: count(i.n),
                        }) + (i.significant ? ` · ${t("report.significant")}` : "")
                      : t("report.impactFew", { n: count(i.n) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={t("report.sections.awards")}>
        <CountChart caption={t("report.captions.awards")} lines={report.awards} label={known("recognition.kinds")} />
      </Section>
    </Stack>
  );
}
