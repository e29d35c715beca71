import { Button, Group, Paper } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap } from "../../../api/problem";
import { useUpdateActivity } from "../../../api/roadmap";
import type { Activity } from "../../../api/types";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { ActivityFields, activityValidation } from "./ActivityFields";
import { activityFormValues, activityPatch } from "./activityForm";

interface Props {
  activity: Activity;
  schoolId: number;
  onDone: () => void;
}

/** Edits an activity inside its card, sending the etag it was read with. */
export function ActivityEditForm({ activity, schoolId, onDone }: Props) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const update = useUpdateActivity(activity.program_id);
  const form = useForm({ initialValues: activityFormValues(activity), validate: activityValidation(t) });

  // After someone else's change (a 412) the reloaded activity refills the form.
  useEffect(() => {
    const values = activityFormValues(activity);
    form.setInitialValues(values);
    form.setValues(values);
  }, [activity.etag]);

  const submit = form.onSubmit((values) =>
    update.mutate(
      { activity, patch: activityPatch(values) },
      {
        onSuccess: () => {
          notifySuccess(t("common.saved"));
          onDone();
        },
        onError: (error) => {
          form.setErrors(fieldErrorMap(error));
          notifyFailure(problemMessage(error));
        },
      },
    ),
  );

  return (
    <Paper bg="gray.0" p="sm">
      <form onSubmit={submit} noValidate aria-label={t("roadmap.editActivity", { title: activity.title })}>
        <ActivityFields form={form} schoolId={schoolId} withResult />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t("common.save")}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
