import { BarChart } from "@mantine/charts";
import { Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMatchingRun } from "../../../api/matching";
import type { MatchingRunSummary } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { PersonCell } from "../pairs/PersonCell";
import { usePairName } from "../pairs/usePairName";
import { compareRuns, comparisonBars, METRICS, runFigures, type Placement } from "./compare";
import { formatFigure, runOption } from "./runText";

interface Props {
  runs: readonly MatchingRunSummary[];
  currentId: number;
}

/** Two runs side by side: their figures on one chart, then the mentees they pair differently. */
export function RunComparison({ runs, currentId }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [a, setA] = useState<number>(currentId);
  const [b, setB] = useState<number>(() => runs.find((r) => r.id !== currentId)?.id ?? currentId);
  const options = runs.map((r) => ({ value: String(r.id), label: runOption(r, t, i18n.language) }));
  const runA = runs.find((r) => r.id === a);
  const runB = runs.find((r) => r.id === b);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h4" id={headingId}>
        {t("matching.compare")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("matching.compareHint")}
      </Text>
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t("matching.compareA")}
          data={options}
          value={String(a)}
          allowDeselect={false}
          onChange={(value) => value && setA(Number(value))}
          miw={240}
        />
        <Select
          label={t("matching.compareB")}
          data={options}
          value={String(b)}
          allowDeselect={false}
          onChange={(value) => value && setB(Number(value))}
          miw={240}
        />
      </Group>
      {!runA || !runB || a === b ? (
        <Text c="dimmed">{t("matching.compareSame")}</Text>
      ) : (
        <>
          <Figures a={runA} b={runB} />
          <Differences a={a} b={b} />
        </>
      )}
    </Stack>
  );
}

function Figures({ a, b }: { a: MatchingRunSummary; b: MatchingRunSummary }) {
  const { t, i18n } = useTranslation();
  const figure = (value: number) => formatFigure(value, i18n.language);
  const fa = runFigures(a);
  const fb = runFigures(b);
  const seriesA = t("matching.runSeries", { id: a.id });
  const seriesB = t("matching.runSeries", { id: b.id });
  return (
    <>
      <figure style={{ margin: 0 }} aria-label={t("matching.compareChart", { a: a.id, b: b.id })}>
        <BarChart
          h={260}
          data={comparisonBars(a, b, (m) => t(`matching.metrics.${m}`))}
          dataKey="metric"
          withLegend
          yAxisProps={{ domain: [0, 100], width: 40 }}
          valueFormatter={(value) => `${figure(value)}%`}
          series={[
            { name: "a", label: seriesA, color: "indigo.6" },
            { name: "b", label: seriesB, color: "teal.6" },
          ]}
          tickLine="y"
        />
      </figure>
      <Table.ScrollContainer minWidth={360}>
        <Table verticalSpacing={4} aria-label={t("matching.compareTable", { a: a.id, b: b.id })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("matching.metric")}</Table.Th>
              <Table.Th ta="right">{seriesA}</Table.Th>
              <Table.Th ta="right">{seriesB}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {METRICS.map((metric) => (
              <Table.Tr key={metric}>
                <Table.Th scope="row" fw={400}>
                  {t(`matching.metrics.${metric}`)}
                </Table.Th>
                <Table.Td ta="right">{figure(fa[metric])}</Table.Td>
                <Table.Td ta="right">{figure(fb[metric])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function Differences({ a, b }: { a: number; b: number }) {
  const { t } = useTranslation();
  const { person } = usePairName();
  const runA = useMatchingRun(a);
  const runB = useMatchingRun(b);
  if (runA.isPending || runB.isPending) return <PageLoader />;
  if (runA.error || runB.error) return <ErrorAlert error={runA.error ?? runB.error} />;
  const { same, differences } = compareRuns(runA.data, runB.data);
  const placed = (p: Placement | null) =>
    p ? t("matching.withScore", { name: person(p.mentor), score: p.score }) : t("matching.noPair");

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} role="status">
        {t("matching.samePairs", { count: same })} · {t("matching.differentPairs", { count: differences.length })}
      </Text>
      {differences.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("matching.noDifferences")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing={4} aria-label={t("matching.differencesTable", { a, b })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("matching.mentee")}</Table.Th>
                <Table.Th>{t("matching.inRun", { id: a })}</Table.Th>
                <Table.Th>{t("matching.inRun", { id: b })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differences.map((d) => (
                <Table.Tr key={d.mentee.id}>
                  <Table.Td>
                    <PersonCell person={d.mentee} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={d.a ? undefined : "dimmed"}>
                      {placed(d.a)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={d.b ? undefined : "dimmed"}>
                      {placed(d.b)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
