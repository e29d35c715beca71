import { CRITERIA, type PairingSettings, type PairingSettingsInput, type Weight, type Weights } from "../../../api/types";

export const MAX_POINTS = 10;
export const PREFERENCE_LIMIT_RANGE = { min: 1, max: 20 } as const;

/** A weight as the form holds it: points on the slider, and whether the criterion is a must. */
export interface WeightValue {
  must: boolean;
  points: number;
}

/**
 * Reads a weight as the service sends it (0–10 points or the word "must"); numeric text counts
 * as points. Anything else — fractions, negatives, more than 10, other words — is not a weight.
 */
export function parseWeight(value: unknown): Weight | null {
  if (value === "must") return "must";
  const points = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof points !== "number" || !Number.isInteger(points)) return null;
  return points >= 0 && points <= MAX_POINTS ? points : null;
}

/** A must shows the slider at its top, so switching it off leaves the criterion weighing most. */
export function toWeightValue(weight: Weight): WeightValue {
  const parsed = parseWeight(weight);
  if (parsed === "must") return { must: true, points: MAX_POINTS };
  return { must: false, points: parsed ?? 0 };
}

export function fromWeightValue(value: WeightValue): Weight {
  if (value.must) return "must";
  return Math.min(MAX_POINTS, Math.max(0, Math.round(value.points)));
}

export interface SettingsFormValues {
  weights: Record<keyof Weights, WeightValue>;
  preference_limit: number | string;
  allow_untrained_mentors: boolean;
}

export function settingsFormValues(settings: PairingSettings): SettingsFormValues {
  return {
    weights: Object.fromEntries(CRITERIA.map((c) => [c, toWeightValue(settings.weights[c])])) as SettingsFormValues["weights"],
    preference_limit: settings.preference_limit,
    allow_untrained_mentors: settings.allow_untrained_mentors,
  };
}

export function settingsInput(values: SettingsFormValues): PairingSettingsInput {
  return {
    weights: Object.fromEntries(CRITERIA.map((c) => [c, fromWeightValue(values.weights[c])])) as Weights,
    preference_limit: Number(values.preference_limit),
    allow_untrained_mentors: values.allow_untrained_mentors,
  };
}

export function validPreferenceLimit(value: number | string): boolean {
  const n = Number(value);
  return Number.isInteger(n) && n >= PREFERENCE_LIMIT_RANGE.min && n <= PREFERENCE_LIMIT_RANGE.max;
}
