import { Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useUpdatePair } from "../../../api/pairs";
import { fieldErrorMap } from "../../../api/problem";
import type { Pair } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { usePairName } from "./usePairName";

/** Asks why, then dissolves the pair: the mentor's places free up, the mentees go to support. */
export function DissolvePairModal({ pair, onClose }: { pair: Pair; onClose: () => void }) {
  const { t } = useTranslation();
  const { pair: nameOf } = usePairName();
  const update = useUpdatePair(pair.program_id);
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (value) => (value.trim() ? null : t("common.required")) },
  });

  const submit = form.onSubmit((values) =>
    update.mutate(
      { pair, patch: { status: "dissolved", reason: values.reason.trim() } },
      {
        onSuccess: () => {
          notifySuccess(t("pairs.dissolved"));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <FormModal
      opened
      title={t("pairs.dissolveTitle")}
      error={update.error}
      loading={update.isPending}
      submitLabel={t("pairs.dissolve")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text fw={500}>{nameOf(pair)}</Text>
      <Text size="sm">{t("pairs.dissolveWarning")}</Text>
      <Textarea
        label={t("pairs.reason")}
        description={t("pairs.reasonHint")}
        required
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        {...form.getInputProps("reason")}
      />
    </FormModal>
  );
}
