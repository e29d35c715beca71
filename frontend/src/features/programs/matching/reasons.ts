import type { TFunction } from "i18next";
import type { Contribution, RunUnmatched, UnmatchedReason } from "../../../api/types";
import { reasonText } from "../pairs/unmatchedReason";

type TagLabel = (code: string) => string;

const list = (tags: readonly string[], tagLabel: TagLabel) => tags.map(tagLabel).join(", ");

/** Whose choice a rank is: the mentee's or the mentor's preference sheet. */
const chooser = (c: Contribution) => (c.criterion === "mentor_preference" ? "mentor" : "mentee");

/**
 * What a criterion gave a pair, as the curator reads it: «совпали запросы: олимпиады, лидерство;
 * не покрыто: спорт», «наставник на 2 класса старше», «первый выбор наставляемого».
 */
export function contributionText(contribution: Contribution, t: TFunction, tagLabel: TagLabel): string {
  const detail = contribution.detail;
  switch (detail.kind) {
    case "tags":
      if (detail.covered.length === 0) return t("matching.reasons.tagsNone", { missing: list(detail.missing, tagLabel) });
      if (detail.missing.length === 0) return t("matching.reasons.tagsCovered", { covered: list(detail.covered, tagLabel) });
      return t("matching.reasons.tagsPartly", { covered: list(detail.covered, tagLabel), missing: list(detail.missing, tagLabel) });
    case "no_request_tags":
      return t("matching.reasons.noRequestTags");
    case "role_model":
      return t(detail.carried ? "matching.reasons.roleModelFits" : "matching.reasons.roleModelMisfits", {
        role: t(`roleModels.${detail.role_model}`),
      });
    case "no_role_model":
      return t("matching.reasons.noRoleModel");
    case "grade_distance":
      if (detail.distance === 0) return t("matching.reasons.sameGrade");
      return t(detail.distance > 0 ? "matching.reasons.mentorOlder" : "matching.reasons.mentorYounger", {
        count: Math.abs(detail.distance),
      });
    case "grade_unknown":
      return t("matching.reasons.gradeUnknown");
    case "rank":
      if (detail.rank <= 1) return t(`matching.reasons.firstChoice.${chooser(contribution)}`);
      return t(`matching.reasons.rankedChoice.${chooser(contribution)}`, { rank: detail.rank });
    case "unranked":
      return t(`matching.reasons.unranked.${chooser(contribution)}`);
  }
}

/** Why the run left a mentee out, with how many mentors were feasible where the engine counted them. */
export function unmatchedText(reason: UnmatchedReason, t: TFunction, tagLabel: TagLabel): string {
  const text = reasonText(reason, t, tagLabel);
  if (reason.code === "capacity_exhausted" || reason.code === "only_untrained_mentors") {
    return `${text} (${t("matching.candidates", { count: reason.candidates })})`;
  }
  return text;
}

/** The unmatched of a run, by name, so the list reads like the bases. */
export function sortedUnmatched(unmatched: readonly RunUnmatched[]): RunUnmatched[] {
  return [...unmatched].sort((a, b) => (a.mentee.name ?? "").localeCompare(b.mentee.name ?? "", "ru"));
}
