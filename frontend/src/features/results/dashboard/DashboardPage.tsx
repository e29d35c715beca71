import { BarChart } from "@mantine/charts";
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadDashboardCsv, useDashboard } from "../../../api/reporting";
import type { DashboardQuery } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure } from "../../../components/notify";
import { PageLoader } from "../../../components/PageLoader";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { cleanQuery, formatCount, formatShare, shareBars } from "../figures";
import { ResultsTabs } from "../ResultsTabs";
import { SchoolFiguresTable } from "../SchoolFiguresTable";
import { ScopeSelect, useReportingScope } from "../ScopeSelect";

type Sort = { key: NonNullable<DashboardQuery["sort"]>; order: "asc" | "desc" };

/** The regional roll-up: every school of the region or institute, sortable and filterable. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const problem = useProblemMessage();
  const scope = useReportingScope();
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text, 300);
  const [parent, setParent] = useState<string | null>(null);
  const [overdue, setOverdue] = useState<string>("any");
  const [ageFrom, setAgeFrom] = useState<number>(10);
  const [ageTo, setAgeTo] = useState<number>(18);
  const [sort, setSort] = useState<Sort>({ key: "name", order: "asc" });
  const bandValid = ageFrom >= 5 && ageTo <= 30 && ageFrom <= ageTo;
  const query = cleanQuery({
    q,
    parent_id: parent ? Number(parent) : undefined,
    has_overdue: overdue === "any" ? undefined : overdue === "yes",
    age_from: bandValid ? ageFrom : 10,
    age_to: bandValid ? ageTo : 18,
    sort: sort.key,
    order: sort.order,
  });
  const dashboard = useDashboard(scope.current?.id ?? null, query);

  if (scope.loading) return <PageLoader />;
  if (!scope.current) {
    return (
      <Stack>
        <Title order={1}>{t("results.title")}</Title>
        <Text c="dimmed">{t("results.noScope")}</Text>
      </Stack>
    );
  }
  const d = dashboard.data;
  const bars = d ? shareBars(d.rows) : [];
  return (
    <Stack>
      <Title order={1}>{t("results.title")}</Title>
      <ResultsTabs />
      <ScopeSelect scopes={scope.scopes} current={scope.current} pick={scope.pick} />
      <Group align="end" wrap="wrap" gap="sm">
        <TextInput label={t("results.filters.q")} value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} />
        <Select
          label={t("results.filters.parent")}
          clearable
          w={280}
          data={(d?.parents ?? []).map((p) => ({ value: String(p.id), label: `${p.name} (${p.schools})` }))}
          value={parent}
          onChange={setParent}
        />
        <Select
          label={t("results.filters.overdue")}
          allowDeselect={false}
          w={200}
          data={[
            { value: "any", label: t("results.filters.overdueAny") },
            { value: "yes", label: t("results.filters.overdueYes") },
            { value: "no", label: t("results.filters.overdueNo") },
          ]}
          value={overdue}
          onChange={(v) => setOverdue(v ?? "any")}
        />
        <NumberInput label={t("results.filters.ageFrom")} min={5} max={30} w={110} value={ageFrom} onChange={(v) => setAgeFrom(Number(v) || 0)} />
        <NumberInput
          label={t("results.filters.ageTo")}
          min={5}
          max={30}
          w={110}
          value={ageTo}
          onChange={(v) => setAgeTo(Number(v) || 0)}
          error={bandValid ? undefined : t("results.filters.badBand")}
        />
        <Button
          variant="light"
          onClick={() => downloadDashboardCsv(scope.current!.id, query).catch((e: unknown) => notifyFailure(problem(e)))}
        >
          {t("results.downloadCsv")}
        </Button>
      </Group>
      {dashboard.isPending && <PageLoader />}
      {dashboard.isError && <ErrorAlert error={dashboard.error} />}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Card withBorder>
              <Text size="sm" c="dimmed">{t("results.cards.share", { from: d.age_from, to: d.age_to })}</Text>
              <Text fz={28} fw={700}>{formatShare(d.totals.share, i18n.language)}</Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">{t("results.cards.schools")}</Text>
              <Text fz={28} fw={700}>{d.rows.length} / {d.schools_total}</Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">{t("results.cards.pairs")}</Text>
              <Text fz={28} fw={700}>{formatCount(d.totals.pairs, i18n.language)}</Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">{t("results.cards.overdue")}</Text>
              <Text fz={28} fw={700} c={d.totals.roadmap_overdue > 0 ? "red" : undefined}>{d.totals.roadmap_overdue}</Text>
            </Card>
          </SimpleGrid>
          {bars.length > 0 && (
            <figure style={{ margin: 0 }} aria-label={t("results.chart", { from: d.age_from, to: d.age_to })}>
              <Title order={2} size="h4" mb="xs">
                {t("results.chart", { from: d.age_from, to: d.age_to })}
              </Title>
              <BarChart
                h={Math.max(200, bars.length * 28)}
                data={bars}
                dataKey="school"
                orientation="vertical"
                yAxisProps={{ width: 220 }}
                valueFormatter={(v) => `${v.toLocaleString(i18n.language === "en" ? "en-GB" : "ru-RU")} %`}
                series={[{ name: "share", label: t("results.columns.share"), color: "indigo.6" }]}
                gridAxis="x"
              />
            </figure>
          )}
          <SchoolFiguresTable rows={d.rows} totals={d.totals} sort={sort} onSort={setSort} caption={t("results.tableCaption", { name: d.organization_name })} />
          <Text size="xs" c="dimmed">{t("results.footnote")}</Text>
        </>
      )}
    </Stack>
  );
}
