import type { ProgramStatus } from "../../api/types";

const ORDER: readonly ProgramStatus[] = ["draft", "active", "completed", "archived"];

/** The one status a programme moves to next, or null once archived: it only moves forward. */
export function nextProgramStatus(status: ProgramStatus): ProgramStatus | null {
  return ORDER[ORDER.indexOf(status) + 1] ?? null;
}

/** A completed or archived programme is a record of what happened: the service refuses edits. */
export function isClosed(status: ProgramStatus): boolean {
  return status === "completed" || status === "archived";
}

export const PROGRAM_STATUS_COLORS: Record<ProgramStatus, string> = {
  draft: "gray",
  active: "green",
  completed: "blue",
  archived: "dark",
};
