import { Alert, Autocomplete, Button, FileButton, Group, List, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useImportMeasurements, useMeasurements, useRecordMeasurements } from "../../api/monitoring";
import { ApiProblem } from "../../api/problem";
import { useMentees, useMentors } from "../../api/pairing";
import type { MeasurementPhase, Program } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { notifySuccess } from "../../components/notify";
import { PageLoader } from "../../components/PageLoader";
import { fileRowProblem, formatNumber, knownParameters, measurementItems, recordedValues } from "./analytics";
import { useParameterName } from "./ImpactView";
import { basePeople } from "./invitations";
import { MonitoringAlert } from "./MonitoringAlert";
import { CODE_PATTERN } from "./templateForm";

type Side = "mentee" | "mentor";

/**
 * «Показатели из документов»: parameters the school takes from its records (average grade, clubs,
 * projects, olympiads…), typed for the people of a base at entry or at exit. Phase 2 sets them
 * beside the survey instruments.
 */
export function MeasurementsView({ program, canManage, today }: { program: Program; canManage: boolean; today: string }) {
  const { t, i18n } = useTranslation();
  const parameterName = useParameterName();
  const measurements = useMeasurements(program.id);
  const mentees = useMentees(program.id);
  const mentors = useMentors(program.id);
  const record = useRecordMeasurements(program.id);
  const upload = useImportMeasurements(program.id);
  const [parameter, setParameter] = useState("average_grade");
  const [phase, setPhase] = useState<MeasurementPhase>("entry");
  const [side, setSide] = useState<Side>("mentee");
  const [measuredOn, setMeasuredOn] = useState(today);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [bad, setBad] = useState<number[]>([]);

  if (measurements.isPending || mentees.isPending || mentors.isPending) return <PageLoader />;
  const failed = measurements.error ?? mentees.error ?? mentors.error;
  if (failed) return <ErrorAlert error={failed} />;

  const all = measurements.data ?? [];
  const code = parameter.trim();
  const codeOk = CODE_PATTERN.test(code);
  const people = basePeople(side, mentees.data ?? [], mentors.data ?? []).filter((p) => !p.withdrawn);
  const entry = recordedValues(all, code, "entry");
  const exit = recordedValues(all, code, "exit");
  const current = phase === "entry" ? entry : exit;
  const shown = (id: number) => typed[id] ?? (current.has(id) ? String(current.get(id)!.value).replace(".", i18n.language === "ru" ? "," : ".") : "");
  const changed = Object.keys(typed).length;

  const reset = () => {
    setTyped({});
    setBad([]);
  };
  const save = () => {
    const { items, bad: wrong } = measurementItems(typed, code, phase, measuredOn || null);
    setBad(wrong);
    if (wrong.length > 0 || items.length === 0) return;
    record.mutate(
      { items },
      {
        onSuccess: () => {
          notifySuccess(t("monitoring.measurements.saved", { count: items.length }));
          reset();
        },
      },
    );
  };

  const importFile = (file: File | null) => {
    if (!file) return;
    upload.mutate(file, { onSuccess: (items) => notifySuccess(t("monitoring.measurements.imported", { count: items.length })) });
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t("monitoring.measurements.intro")}
      </Text>
      {canManage && (
        <Group gap="sm" align="center">
          <FileButton onChange={importFile} accept=".csv,text/csv">
            {(props) => (
              <Button {...props} variant="light" loading={upload.isPending}>
                {t("monitoring.measurements.importButton")}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed" maw={560}>
            {t("monitoring.measurements.importHint")}
          </Text>
        </Group>
      )}
      {upload.error ? <ImportProblem error={upload.error} /> : null}
      <Group align="flex-end" gap="sm">
        <Autocomplete
          label={t("monitoring.measurements.parameter")}
          description={codeOk ? parameterName(code) : t("monitoring.editor.errors.parameterPattern")}
          error={!codeOk && code !== ""}
          data={knownParameters(all).map((p) => ({ value: p, label: p }))}
          value={parameter}
          onChange={(value) => {
            setParameter(value);
            reset();
          }}
          w={240}
        />
        <SegmentedControl
          aria-label={t("monitoring.measurements.side")}
          value={side}
          onChange={(value) => {
            setSide(value as Side);
            reset();
          }}
          data={[
            { value: "mentee", label: t("monitoring.audienceOptions.mentee") },
            { value: "mentor", label: t("monitoring.audienceOptions.mentor") },
          ]}
        />
        {canManage && (
          <>
            <SegmentedControl
              aria-label={t("monitoring.measurements.phase")}
              value={phase}
              onChange={(value) => {
                setPhase(value as MeasurementPhase);
                reset();
              }}
              data={[
                { value: "entry", label: t("monitoring.measurements.enterEntry") },
                { value: "exit", label: t("monitoring.measurements.enterExit") },
              ]}
            />
            <TextInput type="date" label={t("monitoring.measurements.measuredOn")} value={measuredOn} onChange={(e) => setMeasuredOn(e.currentTarget.value)} />
          </>
        )}
      </Group>
      {record.error ? <MonitoringAlert error={record.error} /> : null}
      {bad.length > 0 && (
        <Text c="red.8" size="sm" role="alert">
          {t("monitoring.measurements.bad", { count: bad.length })}
        </Text>
      )}
      {people.length === 0 ? (
        <Text c="dimmed">{t(`monitoring.issue.emptyBase.${side}`)}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-label={t("monitoring.measurements.table", { parameter: codeOk ? parameterName(code) : code })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("monitoring.impact.person")}</Table.Th>
                <Table.Th ta="right">{t("monitoring.phases.entry")}</Table.Th>
                <Table.Th ta="right">{t("monitoring.phases.exit")}</Table.Th>
                {canManage && <Table.Th>{t(phase === "entry" ? "monitoring.measurements.enterEntry" : "monitoring.measurements.enterExit")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => {
                const name = p.name ?? t("participants.erasedName", { id: p.participantId });
                const label = p.classLabel ? `${name}, ${p.classLabel}` : name;
                return (
                  <Table.Tr key={p.participantId}>
                    <Table.Td>{label}</Table.Td>
                    <Table.Td ta="right">{formatNumber(entry.get(p.participantId)?.value, i18n.language)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(exit.get(p.participantId)?.value, i18n.language)}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <TextInput
                          size="xs"
                          w={110}
                          inputMode="decimal"
                          aria-label={t("monitoring.measurements.valueOf", { name: label })}
                          value={shown(p.participantId)}
                          error={bad.includes(p.participantId)}
                          disabled={!codeOk}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setTyped((old) => ({ ...old, [p.participantId]: value }));
                          }}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage && (
        <Group gap="xs">
          <Button onClick={save} loading={record.isPending} disabled={!codeOk || changed === 0}>
            {t("monitoring.measurements.save", { count: changed })}
          </Button>
          <Button variant="subtle" onClick={reset} disabled={changed === 0}>
            {t("monitoring.measurements.reset")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Why a file was refused: the line and column of each bad row, in words; nothing was written. */
function ImportProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rows = error instanceof ApiProblem ? error.fieldErrors.map((f) => fileRowProblem(f.field)).filter((r) => r !== null) : [];
  if (rows.length === 0) return <MonitoringAlert error={error} title={t("monitoring.measurements.importFailed")} />;
  return (
    <Alert color="red" role="alert" title={t("monitoring.measurements.importFailed")}>
      <List size="sm">
        {rows.map((row) => (
          <List.Item key={`${row.line}.${row.column}`}>
            {t("monitoring.measurements.badLine", { line: row.line })}: {t(`monitoring.measurements.columns.${row.column || "row"}`, { defaultValue: row.column })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
