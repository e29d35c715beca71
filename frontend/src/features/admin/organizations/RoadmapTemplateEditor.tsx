import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  VisuallyHidden,
} from "@mantine/core";
import { Fragment, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRoadmapTemplate, useSaveRoadmapTemplate } from "../../../api/organizations";
import { ApiProblem } from "../../../api/problem";
import type { TemplateActivity } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { RoleSelect } from "../../../components/RoleSelect";
import { notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import {
  ACADEMIC_MONTHS,
  TEMPLATE_STAGES,
  type TemplateRow,
  itemsFromRows,
  newRow,
  rowFieldErrors,
  rowPosition,
  rowsFromItems,
  sortByStage,
  stagesWithoutRows,
} from "./roadmapTemplate";

const COLUMNS = 7;

/** The institute's roadmap template: the activities new programmes of its schools start with. */
export function RoadmapTemplateEditor({ organizationId }: { organizationId: number }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const loaded = useRoadmapTemplate(organizationId);
  const save = useSaveRoadmapTemplate(organizationId);
  const [rows, setRows] = useState<TemplateRow[]>([]);
  const [missing, setMissing] = useState<number[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [sentRows, setSentRows] = useState<TemplateRow[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!loaded.data) return;
    setRows(rowsFromItems(loaded.data.items));
    setMissing([]);
    setProblem(null);
    setFieldErrors({});
  }, [loaded.data]);

  if (loaded.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (loaded.error) return <ErrorAlert error={loaded.error} />;

  const update = (key: number, patch: Partial<TemplateActivity>) =>
    setRows((current) => {
      const next = current.map((row) => (row.key === key ? { ...row, ...patch } : row));
      return patch.stage_no === undefined ? next : sortByStage(next);
    });
  const addRow = (stageNo: number) =>
    setRows((current) => {
      const sameStage = current.filter((row) => row.stage_no === stageNo);
      return sortByStage([...current, newRow(stageNo, sameStage.at(-1)?.month ?? 9)]);
    });
  const removeRow = (key: number) => setRows((current) => current.filter((row) => row.key !== key));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const gaps = stagesWithoutRows(rows);
    setMissing(gaps);
    setProblem(null);
    setFieldErrors({});
    if (gaps.length > 0) return;
    const sent = sortByStage(rows);
    setSentRows(sent);
    save.mutate(
      { items: itemsFromRows(sent) },
      {
        onSuccess: () => notifySuccess(t("roadmapTemplate.saved")),
        onError: (error) => {
          setProblem(error);
          if (error instanceof ApiProblem) setFieldErrors(rowFieldErrors(error.fieldErrors, sent));
        },
      },
    );
  };

  const stageOptions = TEMPLATE_STAGES.map((no) => ({ value: String(no), label: String(no) }));
  const monthOptions = ACADEMIC_MONTHS.map((month) => ({ value: String(month), label: t(`months.${month}`) }));
  const errorOf = (row: TemplateRow, field: keyof TemplateActivity) => fieldErrors[`${row.key}.${field}`];
  const fieldLabel = (field: string) => {
    const name = /\.(\w+)$/.exec(field)?.[1] ?? field;
    const key = `roadmapTemplate.fields.${name}`;
    return t(key, { defaultValue: name });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Group gap="sm">
          <Badge variant="light" color={loaded.data.source === "regional" ? "green" : "gray"} tt="none">
            {t(`roadmapTemplate.source.${loaded.data.source}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t("roadmapTemplate.hint")}
        </Text>
        {missing.length > 0 && (
          <Alert color="red" role="alert" title={t("errors.title")}>
            {t("roadmapTemplate.stagesMissing", { stages: missing.join(", ") })}
          </Alert>
        )}
        {problem !== null && (
          <Alert color="red" role="alert" title={problemMessage(problem)}>
            {problem instanceof ApiProblem && problem.fieldErrors.length > 0 && (
              <List size="sm">
                {problem.fieldErrors.map((error) => {
                  const at = rowPosition(error.field, sentRows);
                  return (
                    <List.Item key={`${error.field}:${error.message}`}>
                      {at !== null
                        ? t("roadmapTemplate.rowError", {
                            no: at.stage,
                            row: at.row,
                            field: fieldLabel(error.field),
                            message: error.message,
                          })
                        : `${fieldLabel(error.field)}: ${error.message}`}
                    </List.Item>
                  );
                })}
              </List>
            )}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={1100}>
          <Table withTableBorder verticalSpacing="xs">
            <caption style={{ captionSide: "top", textAlign: "left" }}>{t("roadmapTemplate.caption")}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={80}>
                  {t("roadmapTemplate.fields.stage_no")}
                </Table.Th>
                <Table.Th scope="col">{t("roadmapTemplate.fields.title")}</Table.Th>
                <Table.Th scope="col">{t("roadmapTemplate.fields.content")}</Table.Th>
                <Table.Th scope="col" w={140}>
                  {t("roadmapTemplate.fields.month")}
                </Table.Th>
                <Table.Th scope="col" w={180}>
                  {t("roadmapTemplate.fields.responsible_role")}
                </Table.Th>
                <Table.Th scope="col">{t("roadmapTemplate.fields.expected_result")}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TEMPLATE_STAGES.map((stageNo) => {
                const stageRows = rows.filter((row) => row.stage_no === stageNo);
                const stageName = t("roadmapTemplate.stageTitle", {
                  no: stageNo,
                  title: t(`roadmapTemplate.stages.${stageNo}`),
                });
                return (
                  <Fragment key={stageNo}>
                    <Table.Tr bg="var(--mantine-color-gray-0)">
                      <Table.Th scope="colgroup" colSpan={COLUMNS}>
                        <Group justify="space-between" wrap="nowrap">
                          <Group gap="xs">
                            <Text fw={600} size="sm">
                              {stageName}
                            </Text>
                            {stageRows.length === 0 && (
                              <Badge color="red" variant="light" tt="none">
                                {t("roadmapTemplate.noRows")}
                              </Badge>
                            )}
                          </Group>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => addRow(stageNo)}
                            aria-label={t("roadmapTemplate.addRowTo", { no: stageNo })}
                          >
                            {t("roadmapTemplate.addRow")}
                          </Button>
                        </Group>
                      </Table.Th>
                    </Table.Tr>
                    {stageRows.map((row, index) => {
                      const label = (field: string) =>
                        t("roadmapTemplate.cellLabel", {
                          field: t(`roadmapTemplate.fields.${field}`),
                          no: stageNo,
                          row: index + 1,
                        });
                      return (
                        <Table.Tr key={row.key} style={{ verticalAlign: "top" }}>
                          <Table.Td>
                            <Select
                              size="xs"
                              aria-label={label("stage_no")}
                              data={stageOptions}
                              allowDeselect={false}
                              value={String(row.stage_no)}
                              onChange={(value) => value && update(row.key, { stage_no: Number(value) })}
                              error={errorOf(row, "stage_no")}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              required
                              aria-label={label("title")}
                              value={row.title}
                              onChange={(event) => update(row.key, { title: event.currentTarget.value })}
                              error={errorOf(row, "title")}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Textarea
                              size="xs"
                              autosize
                              minRows={2}
                              maxRows={8}
                              aria-label={label("content")}
                              value={row.content}
                              onChange={(event) => update(row.key, { content: event.currentTarget.value })}
                              error={errorOf(row, "content")}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Select
                              size="xs"
                              aria-label={label("month")}
                              data={monthOptions}
                              allowDeselect={false}
                              value={String(row.month)}
                              onChange={(value) => value && update(row.key, { month: Number(value) })}
                              error={errorOf(row, "month")}
                            />
                          </Table.Td>
                          <Table.Td>
                            <RoleSelect
                              size="xs"
                              clearable
                              aria-label={label("responsible_role")}
                              placeholder={t("roadmap.notAssigned")}
                              value={row.responsible_role ?? null}
                              onChange={(role) => update(row.key, { responsible_role: role })}
                              error={errorOf(row, "responsible_role")}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Textarea
                              size="xs"
                              autosize
                              minRows={1}
                              maxRows={6}
                              aria-label={label("expected_result")}
                              value={row.expected_result ?? ""}
                              onChange={(event) => update(row.key, { expected_result: event.currentTarget.value })}
                              error={errorOf(row, "expected_result")}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="xs"
                              color="red"
                              variant="subtle"
                              onClick={() => removeRow(row.key)}
                              aria-label={t("roadmapTemplate.removeRowOf", { no: stageNo, row: index + 1 })}
                            >
                              {t("roadmapTemplate.removeRow")}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
