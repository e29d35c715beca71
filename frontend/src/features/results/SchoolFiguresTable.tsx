import { Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DashboardQuery, Figures, SchoolRow } from "../../api/types";
import { formatCount, formatShare, roadmapText } from "./figures";

type SortKey = NonNullable<DashboardQuery["sort"]>;
type Sort = { key: SortKey; order: "asc" | "desc" };

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "results.columns.school", numeric: false },
  { key: "mentors", label: "results.columns.mentors", numeric: true },
  { key: "mentees", label: "results.columns.mentees", numeric: true },
  { key: "pairs", label: "results.columns.pairs", numeric: true },
  { key: "share", label: "results.columns.share", numeric: true },
  { key: "roadmap_done", label: "results.columns.roadmap", numeric: true },
  { key: "response_rate", label: "results.columns.responseRate", numeric: true },
  { key: "silence_alerts", label: "results.columns.alerts", numeric: true },
];

function Count({ value }: { value: number | null | undefined }) {
  const { t, i18n } = useTranslation();
  const text = formatCount(value, i18n.language);
  if (value !== null && value !== undefined) return <>{text}</>;
  return (
    <Tooltip label={t("results.suppressedHint")}>
      <Text span c="dimmed" aria-label={t("results.suppressed")}>
        {text}
      </Text>
    </Tooltip>
  );
}

function FigureCells({ f }: { f: Figures }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Table.Td ta="right"><Count value={f.mentors} /></Table.Td>
      <Table.Td ta="right"><Count value={f.mentees} /></Table.Td>
      <Table.Td ta="right"><Count value={f.pairs} /></Table.Td>
      <Table.Td ta="right">
        <Text span fw={600}>{formatShare(f.share, i18n.language)}</Text>
        <Text span size="xs" c="dimmed" display="block">
          {t("results.involvedOf", { involved: formatCount(f.involved, i18n.language), students: f.students_in_band ?? "—" })}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        {roadmapText(f)}
        {f.roadmap_overdue > 0 && (
          <Text span size="xs" c="red.8" fw={600} display="block">
            {t("results.overdue", { count: f.roadmap_overdue })}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{formatShare(f.response_rate, i18n.language)}</Table.Td>
      <Table.Td ta="right">{f.silence_alerts}</Table.Td>
    </>
  );
}

/**
 * Schools as rows with their figures and a totals line. With `sort`, the headers sort (the
 * service sorts; this only asks).
 */
export function SchoolFiguresTable({
  rows,
  totals,
  sort,
  onSort,
  caption,
}: {
  rows: SchoolRow[];
  totals: Figures;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
  caption: string;
}) {
  const { t } = useTranslation();
  const header = (c: (typeof COLUMNS)[number]) => {
    const label = t(c.label);
    if (!sort || !onSort) return label;
    const active = sort.key === c.key;
    const next: Sort = { key: c.key, order: active && sort.order === "asc" ? "desc" : active ? "asc" : c.numeric ? "desc" : "asc" };
    return (
      <UnstyledButton onClick={() => onSort(next)} fw={600} fz="sm">
        {label} {active ? (sort.order === "asc" ? "↑" : "↓") : ""}
      </UnstyledButton>
    );
  };
  const ariaSort = (c: (typeof COLUMNS)[number]) =>
    sort && sort.key === c.key ? (sort.order === "asc" ? "ascending" : "descending") : undefined;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing={6} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c.key} ta={c.numeric ? "right" : undefined} aria-sort={ariaSort(c)}>
                {header(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.school_id}>
              <Table.Th scope="row" fw={500}>
                {r.school_name}
                {r.parent_name && (
                  <Text size="xs" c="dimmed">
                    {r.parent_name}
                  </Text>
                )}
              </Table.Th>
              <FigureCells f={r} />
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text c="dimmed">{t("results.noSchools")}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t("results.totals", { count: rows.length })}</Table.Th>
            <FigureCells f={totals} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
