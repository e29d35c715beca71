import { Text, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateMeeting } from "../../api/meetings";
import type { Meeting, Pair } from "../../api/types";
import { notifySuccess } from "../../components/notify";
import { AttendanceChecks } from "./AttendanceChecks";
import { attendanceMarks, presentFromAttendance } from "./meetingForm";
import { MeetingFormModal } from "./MeetingFormModal";

interface Props {
  pair: Pick<Pair, "program_id">;
  meeting: Meeting;
  /** `hold` marks a scheduled meeting held; `record` corrects a held one's attendance and notes. */
  mode: "hold" | "record";
  title: string;
  onClose: () => void;
}

/** «Встреча проведена»: who came, and what was done. */
export function HoldMeetingModal({ pair, meeting, mode, title, onClose }: Props) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(pair);
  const [present, setPresent] = useState(() => presentFromAttendance(meeting.attendance));
  const [notes, setNotes] = useState(meeting.notes ?? "");

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    update.mutate(
      {
        meeting,
        patch: { ...(mode === "hold" ? { status: "held" as const } : {}), attendance: attendanceMarks(present), notes: notes.trim() || null },
      },
      {
        onSuccess: () => {
          notifySuccess(t(mode === "hold" ? "meetings.held" : "common.saved"));
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
      submitLabel={mode === "hold" ? t("meetings.actions.hold") : t("common.save")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text fw={500}>{t(`meetings.kinds.${meeting.kind}`)}</Text>
      <AttendanceChecks people={meeting.attendance} present={present} onChange={setPresent} />
      <Textarea
        label={t("meetings.fields.notes")}
        description={t("meetings.fields.notesHint")}
        autosize
        minRows={2}
        maxLength={4000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
    </MeetingFormModal>
  );
}
