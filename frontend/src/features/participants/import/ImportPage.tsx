import { Anchor, Button, Group, Progress, Stack, Stepper, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dryRunImport, importFormatOf, startImport, useImportJob } from "../../../api/imports";
import { useMe } from "../../../api/me";
import { participantKeys } from "../../../api/participants";
import { ApiProblem } from "../../../api/problem";
import type { Me } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { useProgramSchool } from "../../programs/useProgramSchool";
import { ImportFileStep } from "./ImportFileStep";
import { ImportCounts, ImportErrorsTable, ImportPreview } from "./ImportReportView";
import { jobPercent, newIdempotencyKey, rowsFromProblem } from "./importLogic";

export function ImportPage() {
  const { data: me } = useMe();
  if (!me) return null;
  return <ImportWizard me={me} />;
}

function ImportWizard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { school, isPending } = useProgramSchool(me);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const check = useMutation({ mutationFn: (f: File) => dryRunImport(school!.id, f, importFormatOf(f.name)!) });
  const start = useMutation({
    mutationFn: (f: File) => startImport(school!.id, f, importFormatOf(f.name)!, newIdempotencyKey()),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useImportJob(jobId);
  const finished = job.data && job.data.status !== "running" ? job.data : null;

  useEffect(() => {
    if (finished?.status === "succeeded") void queryClient.invalidateQueries({ queryKey: participantKeys.all });
  }, [finished?.status, queryClient]);

  if (isPending) return <PageLoader />;
  if (!school) return <Text c="dimmed">{t("programs.noSchool")}</Text>;

  const step = finished ? 3 : jobId !== null || start.isPending ? 2 : check.data ? 1 : 0;
  const listLink = `/participants?school=${school.id}`;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    check.reset();
    start.reset();
    setFileError(chosen && !importFormatOf(chosen.name) ? t("import.badFormat") : null);
  };

  const runCheck = () => {
    if (!file) return setFileError(t("import.fileRequired"));
    if (!importFormatOf(file.name)) return setFileError(t("import.badFormat"));
    check.mutate(file);
  };

  const again = () => {
    choose(null);
    setJobId(null);
  };

  const problem = check.error ?? start.error;
  const problemRows = problem instanceof ApiProblem ? rowsFromProblem(problem.fieldErrors) : [];

  return (
    <Stack>
      <Anchor component={Link} to={listLink} size="sm">
        ← {t("import.back")}
      </Anchor>
      <Title order={1}>{t("import.title")}</Title>
      <Text fw={500}>{school.name}</Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t("import.steps.file")} />
        <Stepper.Step label={t("import.steps.check")} />
        <Stepper.Step label={t("import.steps.import")} />
        <Stepper.Step label={t("import.steps.done")} />
      </Stepper>

      {step === 0 && (
        <>
          <ImportFileStep file={file} error={fileError} onChange={choose} />
          {problem ? <ErrorAlert error={problem} /> : null}
          <ImportErrorsTable errors={problemRows} />
          <Group>
            <Button onClick={runCheck} loading={check.isPending} disabled={!file}>
              {t("import.check")}
            </Button>
          </Group>
        </>
      )}

      {step === 1 && check.data && (
        <>
          <Text size="sm" c="dimmed">
            {t("import.fileName", { name: file?.name ?? "" })}
          </Text>
          <ImportPreview report={check.data} />
          {start.error ? <ErrorAlert error={start.error} /> : null}
          <ImportErrorsTable errors={problemRows} />
          <Group>
            {check.data.valid && (
              <Button onClick={() => file && start.mutate(file)} loading={start.isPending}>
                {t("import.run", { count: check.data.total })}
              </Button>
            )}
            <Button variant="default" onClick={again}>
              {t("import.otherFile")}
            </Button>
          </Group>
        </>
      )}

      {step === 2 && (
        <Stack gap="xs">
          <Text>{t("import.running")}</Text>
          <Progress
            value={jobPercent(job.data)}
            size="xl"
            striped
            animated
            aria-label={t("import.progress")}
          />
          <Text size="sm" c="dimmed" role="status">
            {t("import.processed", { processed: job.data?.processed ?? 0, total: job.data?.total ?? check.data?.total ?? 0 })}
          </Text>
          {job.error ? <ErrorAlert error={job.error} /> : null}
        </Stack>
      )}

      {step === 3 && finished && (
        <Stack>
          <Progress value={jobPercent(finished)} size="xl" color={finished.status === "succeeded" ? "green" : "red"} aria-label={t("import.progress")} />
          {finished.status === "succeeded" ? (
            <Text fw={600} role="status">
              {t("import.succeeded", {
                created: finished.report?.created ?? 0,
                updated: finished.report?.updated ?? 0,
                unchanged: finished.report?.unchanged ?? 0,
              })}
            </Text>
          ) : (
            <Text fw={600} c="red" role="alert">
              {t("import.failed")}
              {finished.failure ? `: ${finished.failure}` : ""}
            </Text>
          )}
          {finished.report && <ImportCounts report={finished.report} />}
          {finished.report && <ImportErrorsTable errors={finished.report.errors} total={finished.report.error_count} />}
          <Group>
            <Button component={Link} to={listLink}>
              {t("import.toList")}
            </Button>
            <Button variant="default" onClick={again}>
              {t("import.another")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
