import { Text } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateMeeting } from "../../api/meetings";
import type { Meeting, Pair } from "../../api/types";
import { notifySuccess } from "../../components/notify";
import { DURATION_RANGE, meetingTimes } from "./meetingForm";
import { MeetingFormModal } from "./MeetingFormModal";
import { durationMinutes, zonedParts } from "./meetingTime";
import { WhenFields } from "./WhenFields";

interface Props {
  pair: Pick<Pair, "program_id">;
  meeting: Meeting;
  timeZone: string;
  title: string;
  onClose: () => void;
}

/** Moves a scheduled meeting to another day or hour; the service keeps it in the sequence. */
export function MoveMeetingModal({ pair, meeting, timeZone, title, onClose }: Props) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(pair);
  const [values, setValues] = useState(() => ({ ...zonedParts(meeting.starts_at, timeZone), duration: durationMinutes(meeting) }));
  const [errors, setErrors] = useState<{ date?: string; time?: string; duration?: string }>({});

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const times = meetingTimes(values, timeZone);
    const badDuration = !Number.isInteger(values.duration) || values.duration < DURATION_RANGE.min || values.duration > DURATION_RANGE.max;
    if (!times || badDuration) {
      setErrors({
        date: times ? undefined : t("common.required"),
        duration: badDuration ? t("meetings.form.errors.durationRange") : undefined,
      });
      return;
    }
    update.mutate(
      { meeting, patch: { starts_at: times.starts.toISOString(), ends_at: times.ends.toISOString() } },
      {
        onSuccess: () => {
          notifySuccess(t("meetings.moved"));
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
      submitLabel={t("meetings.actions.move")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text fw={500}>{t(`meetings.kinds.${meeting.kind}`)}</Text>
      <WhenFields {...values} errors={errors} onChange={(change) => setValues((v) => ({ ...v, ...change }))} />
    </MeetingFormModal>
  );
}
