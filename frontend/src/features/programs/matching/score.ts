import { CRITERIA, type Contribution, type Criterion, type Weight, type Weights } from "../../../api/types";
import { MAX_POINTS, parseWeight } from "../pairs/weights";

/** The most a criterion's raw value (0–100) gives a pair. */
export const RAW_MAX = 100;

/** What a weight multiplies a criterion's raw value by: its points, or 10 for a must. */
export function multiplier(weight: Weight): number {
  const parsed = parseWeight(weight);
  if (parsed === "must") return MAX_POINTS;
  return parsed ?? 0;
}

/** The largest score a pair can have under these weights: Σ weight × 100 (a must counts 10). */
export function maxScore(weights: Weights): number {
  return CRITERIA.reduce((sum, criterion) => sum + multiplier(weights[criterion]) * RAW_MAX, 0);
}

/** A score as a whole percent of the maximum, kept within 0–100; 0 when nothing can score. */
export function scorePercent(score: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, Math.round((score / max) * 100)));
}

export interface ScoreSegment {
  criterion: Criterion;
  points: number;
  /** The segment's width, percent of the whole bar (the maximum score). */
  percent: number;
}

/**
 * The score bar's segments, one per criterion that gave points, in the order of the criteria, so
 * that the bar reads the same way on every proposal. Widths never add up past the bar.
 */
export function scoreSegments(contributions: readonly Contribution[], max: number): ScoreSegment[] {
  if (!(max > 0)) return [];
  const segments: ScoreSegment[] = [];
  let used = 0;
  for (const criterion of CRITERIA) {
    const points = contributions.filter((c) => c.criterion === criterion).reduce((sum, c) => sum + Math.max(0, c.points), 0);
    if (points <= 0) continue;
    const percent = Math.min((points / max) * 100, 100 - used);
    if (percent <= 0) break;
    used += percent;
    segments.push({ criterion, points, percent });
  }
  return segments;
}

/** One colour per criterion, the same on the bar and beside each reason. */
export const CRITERION_COLORS: Record<Criterion, string> = {
  request_tags: "indigo.6",
  role_model: "teal.6",
  grade_distance: "orange.6",
  mentee_preference: "grape.6",
  mentor_preference: "cyan.7",
};
