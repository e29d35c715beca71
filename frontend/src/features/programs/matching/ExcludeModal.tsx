import { Text, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useCreateConstraint } from "../../../api/matching";
import type { Proposal } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";

interface Props {
  programId: number;
  proposal: Proposal;
  name: string;
  onDone: () => void;
  onClose: () => void;
}

/** «Исключить пару»: never proposed again, never made by hand; the reason is optional and sensitive. */
export function ExcludeModal({ programId, proposal, name, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateConstraint(programId);
  const [reason, setReason] = useState("");

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    create.mutate(
      { kind: "exclude", mentor_id: proposal.mentor.id, mentee_id: proposal.mentee.id, reason: reason.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t("matching.excludedDone"));
          onDone();
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      opened
      title={t("matching.excludeTitle")}
      error={create.error}
      loading={create.isPending}
      submitLabel={t("matching.exclude")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t("matching.excludeIntro", { name })}</Text>
      <Textarea
        label={t("matching.excludeReason")}
        description={t("matching.excludeReasonHint")}
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
    </FormModal>
  );
}
