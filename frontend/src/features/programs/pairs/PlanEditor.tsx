import { Alert, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useSavePlan } from "../../../api/pairs";
import { ApiProblem } from "../../../api/problem";
import type { Plan } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifySuccess } from "../../../components/notify";
import { formFieldPath, planFormValues, planInput, type PlanFormValues } from "./planForm";
import { PlanGoals } from "./PlanGoals";
import { PlanProgress } from "./PlanProgress";
import { PlanTasks } from "./PlanTasks";

interface Props {
  plan: Plan;
  readOnly: boolean;
  /** Reloads the plan after someone else changed it; the editor is then mounted afresh. */
  onReload: () => void;
}

/** Goals and tasks of a pair's development plan, saved whole with the ETag it was read with. */
export function PlanEditor({ plan, readOnly, onReload }: Props) {
  const { t } = useTranslation();
  const save = useSavePlan(plan.pair_id);
  const form = useForm<PlanFormValues>({
    initialValues: planFormValues(plan),
    validate: { tasks: { title: (value) => (value.trim() ? null : t("common.required")) } },
  });
  const stale = save.error instanceof ApiProblem && save.error.status === 412;

  const submit = form.onSubmit((values) =>
    save.mutate(
      { plan: planInput(values), etag: plan.etag },
      {
        onSuccess: () => notifySuccess(t("plan.saved")),
        onError: (error) => {
          if (error instanceof ApiProblem) {
            form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [formFieldPath(e.field), e.message])));
          }
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <PlanProgress tasks={form.values.tasks} />
        {stale ? (
          <Alert color="orange" role="alert" title={t("plan.stale")}>
            <Button size="xs" mt="xs" onClick={onReload}>
              {t("plan.reload")}
            </Button>
          </Alert>
        ) : save.error ? (
          <ErrorAlert error={save.error} />
        ) : null}
        <PlanGoals form={form} readOnly={readOnly} />
        <PlanTasks form={form} readOnly={readOnly} />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
