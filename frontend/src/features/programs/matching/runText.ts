import type { TFunction } from "i18next";
import type { MatchingRunSummary } from "../../../api/types";
import { formatDateTime } from "../../../components/formatDate";

/** «оптимальный · максимум совпадения», or «устойчивый», which has no objective. */
export function algorithmText(run: Pick<MatchingRunSummary, "algorithm" | "objective">, t: TFunction): string {
  const algorithm = t(`matching.algorithms.${run.algorithm}`);
  if (run.algorithm !== "optimal") return algorithm;
  return `${algorithm} · ${t(`matching.objectives.${run.objective}`)}`;
}

/** «Подбор № 3 от 30 нояб. 2026 г., 10:15». */
export function runTitle(run: Pick<MatchingRunSummary, "id" | "created_at">, t: TFunction, language: string): string {
  return t("matching.runTitle", { id: run.id, date: formatDateTime(run.created_at, language) ?? "" });
}

/** A run as an option of the comparison's pickers. */
export function runOption(run: MatchingRunSummary, t: TFunction, language: string): string {
  return t("matching.runOption", {
    id: run.id,
    date: formatDateTime(run.created_at, language) ?? "",
    algorithm: algorithmText(run, t),
  });
}

/** A figure with at most one decimal, in the reader's style: «31,8» in Russian, «31.8» in English. */
export function formatFigure(value: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "ru-RU", { maximumFractionDigits: 1 }).format(value);
}
