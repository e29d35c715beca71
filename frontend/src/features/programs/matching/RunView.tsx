import { Alert, Button, Divider, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMatchingRun, usePairConstraints } from "../../../api/matching";
import { formatDateTime } from "../../../components/formatDate";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { ProposalsList } from "./ProposalsList";
import { algorithmText, runTitle } from "./runText";
import { RunStats } from "./RunStats";
import { RunUnmatched } from "./RunUnmatched";
import { weightsSummary } from "./runOptions";
import { constraintsNewerThan } from "./selection";

export interface MatchingPermissions {
  canRun: boolean;
  canExclude: boolean;
}

interface Props {
  runId: number;
  programId: number;
  schoolId: number;
  permissions: MatchingPermissions;
  /** A lock or exclusion was added or removed on this screen since the newest run. */
  constraintsTouched: boolean;
  onConstraintsChanged: () => void;
  onRerun: () => void;
  rerunning: boolean;
}

/** One run: what it was, its figures, its proposals with reasons, and whom it left without a pair. */
export function RunView({ runId, programId, schoolId, permissions, constraintsTouched, onConstraintsChanged, onRerun, rerunning }: Props) {
  const { t, i18n } = useTranslation();
  const run = useMatchingRun(runId);
  const constraints = usePairConstraints(programId);

  if (run.isPending) return <PageLoader />;
  if (run.error) return <ErrorAlert error={run.error} />;
  const data = run.data;
  const stale = constraintsTouched || constraintsNewerThan(constraints.data ?? [], data.created_at);

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h4">
          {runTitle(data, t, i18n.language)}
        </Title>
        <Text size="sm" c="dimmed">
          {algorithmText(data, t)} · {t(`forms.${data.form}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {weightsSummary(data.weights, t)}
        </Text>
        {data.accepted_at && (
          <Text size="xs" c="dimmed">
            {t("matching.acceptedAt", { date: formatDateTime(data.accepted_at, i18n.language) })}
          </Text>
        )}
      </div>
      {stale && (
        <Alert color="yellow" role="status">
          <Stack gap="xs">
            <Text size="sm">{t("matching.stale")}</Text>
            {permissions.canRun && (
              <Button size="xs" w="fit-content" loading={rerunning} onClick={onRerun}>
                {t("matching.rerun")}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <RunStats run={data} />
      <Divider />
      <ProposalsList
        key={data.id}
        run={data}
        programId={programId}
        schoolId={schoolId}
        canAccept={permissions.canRun}
        canLock={permissions.canRun}
        canExclude={permissions.canExclude}
        onConstraintsChanged={onConstraintsChanged}
      />
      <Divider />
      <RunUnmatched unmatched={data.unmatched} schoolId={schoolId} />
    </Stack>
  );
}
