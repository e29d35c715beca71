import { Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateParticipant } from "../../api/participants";
import { fieldErrorMap } from "../../api/problem";
import type { Participant } from "../../api/types";
import { notifyFailure, notifySuccess } from "../../components/notify";
import { useProblemMessage } from "../../components/useProblemMessage";
import { ParticipantFields, participantValidation } from "./ParticipantFields";
import { participantFormValues, participantPatch } from "./participantForm";

/** The participant's fields, saved with If-Match; sensitive facts only when the service sent them. */
export function ParticipantEditForm({ participant, etag }: { participant: Participant; etag: string | null }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const update = useUpdateParticipant(participant.id);
  const withSensitive = participant.sensitive != null;
  const form = useForm({ initialValues: participantFormValues(participant), validate: participantValidation(t) });

  // Refill the form whenever a newer version arrives (after a save or a 412).
  useEffect(() => {
    const values = participantFormValues(participant);
    form.setInitialValues(values);
    form.setValues(values);
  }, [participant.updated_at, participant.id]);

  const submit = form.onSubmit((values) =>
    update.mutate(
      { etag, patch: participantPatch(values, withSensitive) },
      {
        onSuccess: () => notifySuccess(t("common.saved")),
        onError: (error) => {
          form.setErrors(fieldErrorMap(error));
          notifyFailure(problemMessage(error));
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("participants.details")}>
      <Stack maw={760}>
        <ParticipantFields form={form} withSensitive={withSensitive} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
