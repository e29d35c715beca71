import type { MatchingRun, MatchingRunSummary, PairPerson, Proposal } from "../../../api/types";

export interface Placement {
  mentor: PairPerson;
  score: number;
}

/** A mentee placed differently by two runs: another mentor, or a mentor in one run only. */
export interface PairDifference {
  mentee: PairPerson;
  /** null: left without a pair by that run, or not in its base then. */
  a: Placement | null;
  b: Placement | null;
}

export interface RunComparison {
  /** Mentees given the same mentor by both runs. */
  same: number;
  differences: PairDifference[];
}

const byMentee = (proposals: readonly Proposal[]) => new Map(proposals.map((p) => [p.mentee.id, p]));
const placement = (p: Proposal | undefined): Placement | null => (p ? { mentor: p.mentor, score: p.score } : null);

/** Which pairs differ between two runs, mentee by mentee, by name. */
export function compareRuns(a: Pick<MatchingRun, "proposals">, b: Pick<MatchingRun, "proposals">): RunComparison {
  const inA = byMentee(a.proposals);
  const inB = byMentee(b.proposals);
  const mentees = new Map<number, PairPerson>();
  for (const p of [...a.proposals, ...b.proposals]) if (!mentees.has(p.mentee.id)) mentees.set(p.mentee.id, p.mentee);
  let same = 0;
  const differences: PairDifference[] = [];
  for (const [id, mentee] of mentees) {
    const pa = inA.get(id);
    const pb = inB.get(id);
    if (pa && pb && pa.mentor.id === pb.mentor.id) same += 1;
    else differences.push({ mentee, a: placement(pa), b: placement(pb) });
  }
  differences.sort((x, y) => (x.mentee.name ?? "").localeCompare(y.mentee.name ?? "", "ru"));
  return { same, differences };
}

export type Metric = "matched" | "meanScore" | "firstChoice";
export const METRICS: readonly Metric[] = ["matched", "meanScore", "firstChoice"];

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * A run's three figures as percents, so that they share one axis: the matched share, the mean
 * score as a share of the maximum its weights allow (runs with other weights stay comparable), and
 * the first-choice share.
 */
export function runFigures(run: Pick<MatchingRunSummary, "stats" | "max_score">): Record<Metric, number> {
  const max = run.max_score;
  return {
    matched: round1(run.stats.matched_share * 100),
    meanScore: max > 0 ? round1((run.stats.mean_score / max) * 100) : 0,
    firstChoice: round1(run.stats.first_choice_share * 100),
  };
}

/** The comparison chart's rows: one per figure, a bar per run. */
export function comparisonBars(
  a: Pick<MatchingRunSummary, "stats" | "max_score">,
  b: Pick<MatchingRunSummary, "stats" | "max_score">,
  label: (metric: Metric) => string,
): { metric: string; a: number; b: number }[] {
  const fa = runFigures(a);
  const fb = runFigures(b);
  return METRICS.map((metric) => ({ metric: label(metric), a: fa[metric], b: fb[metric] }));
}
