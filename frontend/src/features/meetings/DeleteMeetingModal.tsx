import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDeleteMeeting } from "../../api/meetings";
import type { Meeting, Pair } from "../../api/types";
import { notifySuccess } from "../../components/notify";
import { MeetingRefusal } from "./MeetingRefusal";

/** Deletes a scheduled meeting entered by mistake; a held or cancelled one stays on the record. */
export function DeleteMeetingModal({ pair, meeting, title, onClose }: { pair: Pick<Pair, "program_id">; meeting: Meeting; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteMeeting(pair);
  const confirm = () =>
    remove.mutate(meeting, {
      onSuccess: () => {
        notifySuccess(t("meetings.deleted"));
        onClose();
      },
    });
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <MeetingRefusal error={remove.error} />
        <Text>{t("meetings.deleteConfirm", { kind: t(`meetings.kinds.${meeting.kind}`) })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirm}>
            {t("common.delete")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
