import { Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCreateRun, useMatchingRuns } from "../../../api/matching";
import { seesSensitive, useMe } from "../../../api/me";
import type { Program } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifySuccess } from "../../../components/notify";
import { PageLoader } from "../../../components/PageLoader";
import { managesPairs, supportsMentees } from "../pairs/pairPermissions";
import { ConstraintsList } from "./ConstraintsList";
import { RunComparison } from "./RunComparison";
import { DEFAULT_RUN_OPTIONS, runRequest, type RunOptions } from "./runOptions";
import { RunPanel } from "./RunPanel";
import { RunsList } from "./RunsList";
import { RunView } from "./RunView";

/**
 * «Подбор пар»: run the engine, see why it proposes each pair, lock and exclude, run again, compare
 * runs, and accept proposals into pairs that an order then approves on «Пары и группы».
 * The open run lives in the address (`?tab=matching&run=12`), so a reload or a link keeps it.
 */
export function MatchingTab({ program, readOnly }: { program: Program; readOnly: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canRun = !readOnly && !!me && managesPairs(me, program.school_id);
  const canExclude = !readOnly && !!me && supportsMentees(me, program.school_id);
  const seesReasons = !!me && seesSensitive(me, program.school_id);
  const runs = useMatchingRuns(program.id);
  const create = useCreateRun(program.id);
  const [options, setOptions] = useState<RunOptions>(DEFAULT_RUN_OPTIONS);
  // Set when a lock or exclusion changes here: the run on screen no longer reflects them.
  const [touched, setTouched] = useState(false);
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = Number(searchParams.get("run")) || null;
  const currentId = asked ?? runs.data?.[0]?.id ?? null;

  const open = (id: number) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set("run", String(id));
        return next;
      },
      { replace: true },
    );

  const run = () =>
    create.mutate(runRequest(options), {
      onSuccess: (made) => {
        setTouched(false);
        open(made.id);
        notifySuccess(t("matching.ran", { id: made.id, matched: made.stats.matched, mentees: made.stats.mentees }));
      },
    });

  return (
    <Stack gap="xl">
      <Text size="sm">{t("matching.intro")}</Text>
      {canRun && (
        <RunPanel programId={program.id} options={options} onChange={setOptions} onRun={run} running={create.isPending} error={create.error} />
      )}
      {runs.isPending ? (
        <PageLoader />
      ) : runs.error ? (
        <ErrorAlert error={runs.error} />
      ) : currentId === null ? (
        <Text c="dimmed">{canRun ? t("matching.noRuns") : t("matching.noRunsReadOnly")}</Text>
      ) : (
        <>
          <RunView
            runId={currentId}
            programId={program.id}
            schoolId={program.school_id}
            permissions={{ canRun, canExclude }}
            constraintsTouched={touched && currentId === runs.data[0]?.id}
            onConstraintsChanged={() => setTouched(true)}
            onRerun={run}
            rerunning={create.isPending}
          />
          {runs.data.length >= 2 && <RunComparison key={currentId} runs={runs.data} currentId={currentId} />}
          {runs.data.length > 0 && <RunsList runs={runs.data} currentId={currentId} onOpen={open} />}
        </>
      )}
      <ConstraintsList
        programId={program.id}
        canRemove={(c) => (c.kind === "lock" ? canRun : canExclude)}
        seesReasons={seesReasons}
        onChanged={() => setTouched(true)}
      />
    </Stack>
  );
}
