import { Text, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateMeeting } from "../../api/meetings";
import type { Meeting, Pair } from "../../api/types";
import { notifySuccess } from "../../components/notify";
import { MeetingFormModal } from "./MeetingFormModal";

/** Cancels a scheduled meeting; the reason stays on the record with who cancelled it. */
export function CancelMeetingModal({ pair, meeting, title, onClose }: { pair: Pick<Pair, "program_id">; meeting: Meeting; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(pair);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    update.mutate(
      { meeting, patch: { status: "cancelled", cancel_reason: reason.trim() } },
      {
        onSuccess: () => {
          notifySuccess(t("meetings.cancelled"));
          onClose();
        },
      },
    );
  };

  return (
    <MeetingFormModal
      title={title}
      error={update.error}
      loading={update.isPending}
      submitLabel={t("meetings.actions.cancel")}
      submitColor="red"
      onSubmit={submit}
      onClose={onClose}
    >
      <Text fw={500}>{t(`meetings.kinds.${meeting.kind}`)}</Text>
      <Textarea
        label={t("meetings.fields.cancelReason")}
        description={t("meetings.fields.cancelReasonHint")}
        required
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        value={reason}
        error={missing && !reason.trim() ? t("common.required") : undefined}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </MeetingFormModal>
  );
}
