import { Alert, Group, Paper, ScrollArea, SimpleGrid, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport, ImportRowError } from "../../../api/imports";
import { badRowCount, sortErrors } from "./importLogic";

const COUNTS = ["total", "created", "updated", "unchanged"] as const;

/** The counts of a dry run or a finished import. */
export function ImportCounts({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label={t("import.counts")}>
      {COUNTS.map((key) => (
        <Paper key={key} withBorder p="sm" role="listitem">
          <Text size="xs" c="dimmed">
            {t(`import.count.${key}`)}
          </Text>
          <Text fw={700} size="xl" data-count={key}>
            {report[key]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Every bad cell: row, column and what is wrong, each row highlighted. */
export function ImportErrorsTable({ errors, total }: { errors: ImportRowError[]; total?: number }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <>
      <Alert color="red" title={t("import.errorsTitle", { count: badRowCount(errors) })} role="alert">
        {t("import.errorsHint")}
        {total !== undefined && total > errors.length && (
          <Text size="sm" mt={4}>
            {t("import.errorsShown", { shown: errors.length, total })}
          </Text>
        )}
      </Alert>
      <ScrollArea.Autosize mah={420} type="auto">
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" aria-label={t("import.errorsTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("import.row")}</Table.Th>
                <Table.Th>{t("import.column")}</Table.Th>
                <Table.Th>{t("import.message")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortErrors(errors).map((e, i) => (
                <Table.Tr key={`${e.row}-${e.column}-${i}`} bg="var(--mantine-color-red-light)">
                  <Table.Td fw={600}>{e.row > 0 ? e.row : "—"}</Table.Td>
                  <Table.Td>{e.column || t("import.wholeRow")}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ScrollArea.Autosize>
    </>
  );
}

export function ImportPreview({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <>
      <ImportCounts report={report} />
      {report.ignored_columns.length > 0 && (
        <Alert color="yellow" title={t("import.ignoredColumns")}>
          {report.ignored_columns.join(", ")}
        </Alert>
      )}
      {report.valid ? (
        <Alert color="green" title={t("import.validTitle")}>
          {t("import.validHint", { total: report.total })}
        </Alert>
      ) : (
        <ImportErrorsTable errors={report.errors} total={report.error_count} />
      )}
      {!report.valid && report.errors.length === 0 && (
        <Group>
          <Text c="red">{t("import.invalidNoErrors")}</Text>
        </Group>
      )}
    </>
  );
}
