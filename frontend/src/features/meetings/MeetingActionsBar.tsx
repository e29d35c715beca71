import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting, Pair } from "../../api/types";
import { CancelMeetingModal } from "./CancelMeetingModal";
import { DeleteMeetingModal } from "./DeleteMeetingModal";
import { FeedbackModal } from "./FeedbackModal";
import { HoldMeetingModal } from "./HoldMeetingModal";
import type { MeetingAction } from "./meetingActions";
import { MoveMeetingModal } from "./MoveMeetingModal";
import type { Seat } from "./seat";

interface Props {
  pair: Pick<Pair, "program_id">;
  meeting: Meeting;
  actions: readonly MeetingAction[];
  seat: Seat;
  timeZone: string;
  /** «Встреча-знакомство, 5 октября»: names the meeting for screen readers on each button. */
  name: string;
}

/** The buttons a meeting's status allows, each opening its own small form. */
export function MeetingActionsBar({ pair, meeting, actions, seat, timeZone, name }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<MeetingAction | null>(null);
  if (actions.length === 0) return null;
  const close = () => setOpen(null);
  const label = (action: MeetingAction) => t(`meetings.actions.${action}`);
  const title = (action: MeetingAction) => t("meetings.actions.of", { action: label(action), name });

  const VARIANTS: Record<MeetingAction, { variant: string; color?: string }> = {
    hold: { variant: "filled", color: "green" },
    feedback: { variant: "light" },
    record: { variant: "subtle" },
    move: { variant: "light" },
    cancel: { variant: "subtle", color: "orange" },
    delete: { variant: "subtle", color: "red" },
  };

  return (
    <Group gap={6} wrap="wrap">
      {actions.map((action) => (
        <Button
          key={action}
          size="compact-md"
          variant={VARIANTS[action].variant}
          color={VARIANTS[action].color}
          aria-label={title(action)}
          onClick={() => setOpen(action)}
        >
          {label(action)}
        </Button>
      ))}
      {(open === "hold" || open === "record") && (
        <HoldMeetingModal pair={pair} meeting={meeting} mode={open} title={title(open)} onClose={close} />
      )}
      {open === "cancel" && <CancelMeetingModal pair={pair} meeting={meeting} title={title(open)} onClose={close} />}
      {open === "move" && <MoveMeetingModal pair={pair} meeting={meeting} timeZone={timeZone} title={title(open)} onClose={close} />}
      {open === "delete" && <DeleteMeetingModal pair={pair} meeting={meeting} title={title(open)} onClose={close} />}
      {open === "feedback" && <FeedbackModal pair={pair} meeting={meeting} seat={seat} title={title(open)} onClose={close} />}
    </Group>
  );
}
