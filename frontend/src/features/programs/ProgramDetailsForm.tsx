import { Button, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap } from "../../api/problem";
import { useUpdateProgram } from "../../api/programs";
import type { Program, ProgramStatus } from "../../api/types";
import { ConfirmModal } from "../../components/ConfirmModal";
import { notifyFailure, notifySuccess } from "../../components/notify";
import { useProblemMessage } from "../../components/useProblemMessage";
import { ProgramFields, programValidation } from "./ProgramFields";
import { programFormValues, programPatch } from "./programForm";
import { isClosed, nextProgramStatus } from "./programStatus";

/** The programme's details, saved with If-Match, and the button that moves its status on. */
export function ProgramDetailsForm({ program, etag }: { program: Program; etag: string | null }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const update = useUpdateProgram(program.id);
  const [confirming, setConfirming] = useState<ProgramStatus | null>(null);
  const readOnly = isClosed(program.status);
  const next = nextProgramStatus(program.status);
  const form = useForm({ initialValues: programFormValues(program), validate: programValidation(t) });

  // Refill the form whenever a newer version arrives (after a save, a status change or a 412).
  useEffect(() => {
    const values = programFormValues(program);
    form.setInitialValues(values);
    form.setValues(values);
  }, [program.updated_at, program.id]);

  const onError = (error: unknown) => {
    form.setErrors(fieldErrorMap(error));
    notifyFailure(problemMessage(error));
  };

  const submit = form.onSubmit((values) =>
    update.mutate({ etag, patch: programPatch(values) }, { onSuccess: () => notifySuccess(t("common.saved")), onError }),
  );

  const moveStatus = () => {
    if (!confirming) return;
    update.mutate(
      { etag, patch: { status: confirming } },
      { onSuccess: () => notifySuccess(t("programs.statusChanged")), onError, onSettled: () => setConfirming(null) },
    );
  };

  return (
    <Stack maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProgramFields form={form} schoolId={program.school_id} disabled={readOnly} yearFixed />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={update.isPending && !confirming} disabled={!form.isDirty()}>
                {t("common.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {next && (
        <Group>
          <Text size="sm" c="dimmed">
            {t("programs.status.label")}: {t(`programs.status.${program.status}`)}
          </Text>
          <Button variant="light" color={next === "archived" ? "gray" : "indigo"} onClick={() => setConfirming(next)}>
            {t(`programs.moveTo.${next}`)}
          </Button>
        </Group>
      )}
      <ConfirmModal
        opened={confirming !== null}
        title={confirming ? t(`programs.moveTo.${confirming}`) : ""}
        message={confirming ? t(`programs.moveConfirm.${confirming}`) : ""}
        confirmLabel={confirming ? t(`programs.moveTo.${confirming}`) : ""}
        loading={update.isPending}
        confirmColor={confirming === "archived" ? "gray" : "indigo"}
        onConfirm={moveStatus}
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
}
