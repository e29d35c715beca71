import type { Meeting, PairStatus } from "../../api/types";
import { pairTakesMeetings } from "./sequence";

/**
 * What can be done to one meeting from its card:
 * - `hold`: mark it held, with attendance and notes (only once its time has come);
 * - `move`: a new date, time or length;
 * - `cancel`: with a reason;
 * - `delete`: a scheduled one entered by mistake;
 * - `record`: correct the attendance and notes of a held one;
 * - `feedback`: each side's rating and sentence on a held one.
 */
export type MeetingAction = "hold" | "move" | "cancel" | "delete" | "record" | "feedback";

/**
 * The actions the service allows (api/src/meetings/routes.rs): a meeting goes from scheduled to
 * held or cancelled and no further; a held or cancelled one is a record that only takes
 * attendance, notes and feedback; nothing changes once the pair has stopped working.
 */
export function meetingActions(
  meeting: Pick<Meeting, "status" | "starts_at">,
  pairStatus: PairStatus,
  now: Date,
  canWrite: boolean,
): MeetingAction[] {
  if (!canWrite || !pairTakesMeetings(pairStatus)) return [];
  switch (meeting.status) {
    case "scheduled": {
      const started = new Date(meeting.starts_at).getTime() <= now.getTime();
      return started ? ["hold", "move", "cancel", "delete"] : ["move", "cancel", "delete"];
    }
    case "held":
      return ["record", "feedback"];
    case "cancelled":
      return [];
  }
}
