import type { PairConstraint, Proposal } from "../../../api/types";

/** A proposal not yet accepted: it has no pair yet. */
export const isOpen = (proposal: Pick<Proposal, "pair_id">) => proposal.pair_id === null || proposal.pair_id === undefined;

/** What «Принять выбранные» takes before the curator unticks anything: every proposal not yet accepted. */
export function defaultSelection(proposals: readonly Proposal[]): number[] {
  return proposals.filter(isOpen).map((p) => p.id);
}

/** The selection after the run reloads: only proposals of this run still open, in the run's order. */
export function keepOpen(selected: readonly number[], proposals: readonly Proposal[]): number[] {
  const chosen = new Set(selected);
  return proposals.filter((p) => isOpen(p) && chosen.has(p.id)).map((p) => p.id);
}

/** The selection the screen shows: the default until the curator changes it. */
export function currentSelection(picked: readonly number[] | null, proposals: readonly Proposal[]): number[] {
  return picked === null ? defaultSelection(proposals) : keepOpen(picked, proposals);
}

export function toggled(selected: readonly number[], id: number): number[] {
  return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
}

/** The lock or exclusion set on a mentor–mentee pair, if any (a pair has at most one). */
export function constraintOf(
  constraints: readonly PairConstraint[],
  proposal: Pick<Proposal, "mentor" | "mentee">,
): PairConstraint | undefined {
  return constraints.find((c) => c.mentor_id === proposal.mentor.id && c.mentee_id === proposal.mentee.id);
}

/** Whether locks or exclusions were added after the run was made, so a new run would differ. */
export function constraintsNewerThan(constraints: readonly PairConstraint[], runCreatedAt: string): boolean {
  const run = Date.parse(runCreatedAt);
  return constraints.some((c) => Date.parse(c.created_at) > run);
}

/** Proposals whose people match the search (surname or name, any case), for a long run. */
export function filterProposals(proposals: readonly Proposal[], query: string): Proposal[] {
  const needle = query.trim().toLocaleLowerCase("ru");
  if (!needle) return [...proposals];
  return proposals.filter((p) =>
    [p.mentor.name, p.mentee.name].some((name) => (name ?? "").toLocaleLowerCase("ru").includes(needle)),
  );
}
