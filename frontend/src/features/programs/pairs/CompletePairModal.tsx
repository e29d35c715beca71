import { Radio, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useCompletePair } from "../../../api/pairs";
import { fieldErrorMap } from "../../../api/problem";
import type { GoalOutcome, Pair } from "../../../api/types";
import { GOAL_OUTCOMES } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { usePairName } from "./usePairName";

/** Completes an active pair's work: how far its goals were reached, and a summary that stays on it. */
export function CompletePairModal({ pair, onClose }: { pair: Pair; onClose: () => void }) {
  const { t } = useTranslation();
  const { pair: nameOf } = usePairName();
  const complete = useCompletePair(pair.program_id);
  const form = useForm({
    initialValues: { outcome: "" as GoalOutcome | "", summary: "" },
    validate: {
      outcome: (value) => (value ? null : t("common.required")),
      summary: (value) => (value.trim() ? null : t("common.required")),
    },
  });

  const submit = form.onSubmit((values) =>
    complete.mutate(
      { pair, outcome: values.outcome as GoalOutcome, summary: values.summary.trim() },
      {
        onSuccess: () => {
          notifySuccess(t("pairs.completed"));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <FormModal
      opened
      title={t("pairs.completeTitle")}
      error={complete.error}
      loading={complete.isPending}
      submitLabel={t("pairs.complete")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text fw={500}>{nameOf(pair)}</Text>
      <Radio.Group label={t("pairs.outcome")} required {...form.getInputProps("outcome")}>
        <Stack gap={6} mt={6}>
          {GOAL_OUTCOMES.map((outcome) => (
            <Radio key={outcome} value={outcome} label={t(`pairs.outcomes.${outcome}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t("pairs.summary")}
        description={t("pairs.summaryHint")}
        required
        autosize
        minRows={3}
        maxLength={2000}
        data-autofocus
        {...form.getInputProps("summary")}
      />
    </FormModal>
  );
}
