import type { Pair, PairStatus } from "../../../api/types";

/** What the curator may do to a pair from its row; approval goes through an order instead. */
export type PairAction = "start" | "complete" | "dissolve";

/**
 * The moves the service allows (api/src/pairing/pairs): approved → active by PATCH, active →
 * completed by POST /complete, dissolved (with a reason) from any live status; completed and
 * dissolved pairs are a record.
 */
const ACTIONS: Record<PairStatus, readonly PairAction[]> = {
  proposed: ["dissolve"],
  approved: ["start", "dissolve"],
  active: ["complete", "dissolve"],
  completed: [],
  dissolved: [],
};

export function pairActions(status: PairStatus): PairAction[] {
  return [...ACTIONS[status]];
}

/** Proposed, approved and active pairs are live: they hold the mentor's places and the mentees. */
export function isLive(status: PairStatus): boolean {
  return status !== "completed" && status !== "dissolved";
}

/** Only proposed pairs go into an approval order. */
export function canJoinOrder(status: PairStatus): boolean {
  return status === "proposed";
}

/** The selection kept after the list changes: only pairs still shown and still proposed. */
export function keepSelectable(selected: readonly number[], pairs: readonly Pick<Pair, "id" | "status">[]): number[] {
  const proposed = new Set(pairs.filter((p) => canJoinOrder(p.status)).map((p) => p.id));
  return selected.filter((id) => proposed.has(id));
}

export const PAIR_STATUS_COLORS: Record<PairStatus, string> = {
  proposed: "yellow",
  approved: "blue",
  active: "green",
  completed: "teal",
  dissolved: "gray",
};
