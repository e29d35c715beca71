import type { TFunction } from "i18next";
import { CRITERIA, type Algorithm, type NewMatchingRun, type Objective, type Weights } from "../../../api/types";
import { fromWeightValue, toWeightValue, type WeightValue } from "../pairs/weights";

export type WeightsSource = "settings" | "custom";
export type CustomWeights = Record<keyof Weights, WeightValue>;

/** What the run panel holds: the algorithm, the objective of `optimal`, and whose weights. */
export interface RunOptions {
  algorithm: Algorithm;
  objective: Objective;
  source: WeightsSource;
  /** The run's own weights, kept while the curator switches back and forth. */
  custom: CustomWeights | null;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = { algorithm: "optimal", objective: "score", source: "settings", custom: null };

export function customFrom(weights: Weights): CustomWeights {
  return Object.fromEntries(CRITERIA.map((c) => [c, toWeightValue(weights[c])])) as CustomWeights;
}

export function weightsOf(custom: CustomWeights): Weights {
  return Object.fromEntries(CRITERIA.map((c) => [c, fromWeightValue(custom[c])])) as Weights;
}

/**
 * The request for POST /matching-runs: the objective only for `optimal` (stable ignores it), and
 * weights only when the run has its own — otherwise the service takes the programme's settings.
 */
export function runRequest(options: RunOptions): NewMatchingRun {
  return {
    algorithm: options.algorithm,
    objective: options.algorithm === "optimal" ? options.objective : null,
    weights: options.source === "custom" && options.custom ? weightsOf(options.custom) : null,
  };
}

/** The weights a run will use, to show its highest possible score before it runs. */
export function effectiveWeights(options: RunOptions, settings: Weights | undefined): Weights | undefined {
  return options.source === "custom" && options.custom ? weightsOf(options.custom) : settings;
}

/** «совпадение запроса и компетенций — 5, ролевая модель — обязательно, …». */
export function weightsSummary(weights: Weights, t: TFunction): string {
  return CRITERIA.map((c) =>
    t("matching.weightShort", {
      criterion: t(`criteria.${c}`),
      weight: weights[c] === "must" ? t("pairingSettings.must") : String(weights[c]),
    }),
  ).join(", ");
}
