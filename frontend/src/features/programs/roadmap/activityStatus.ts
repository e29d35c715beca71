import type { ActivityStatus } from "../../../api/types";

/**
 * Where an activity may go from each status, as the service allows it: done and cancelled
 * are reopened rather than jumped across, so a wrong tick is undone before anything else.
 */
const NEXT: Record<ActivityStatus, readonly ActivityStatus[]> = {
  planned: ["in_progress", "done", "cancelled"],
  in_progress: ["planned", "done", "cancelled"],
  done: ["in_progress"],
  cancelled: ["planned"],
};

/** The statuses to offer for an activity: its own first, then the allowed moves. */
export function selectableStatuses(current: ActivityStatus): ActivityStatus[] {
  return [current, ...NEXT[current]];
}

export function canMove(from: ActivityStatus, to: ActivityStatus): boolean {
  return NEXT[from].includes(to);
}

/** Colours of the status badges, the same on the roadmap and in the media plan. */
export const STATUS_COLORS: Record<string, string> = {
  planned: "gray",
  in_progress: "blue",
  done: "green",
  published: "green",
  cancelled: "dark",
};
