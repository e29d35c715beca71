import type { TFunction } from "i18next";
import type { UnmatchedReason } from "../../../api/types";

/** Why the engine left a mentee without a pair, in words; null while no matching run has seen them. */
export function reasonText(reason: UnmatchedReason | null | undefined, t: TFunction, tagLabel: (tag: string) => string): string {
  if (!reason) return t("unmatched.reasons.not_run");
  switch (reason.code) {
    case "no_mentor_with_competency":
      return t("unmatched.reasons.no_mentor_with_competency", { tags: reason.tags.map(tagLabel).join(", ") });
    case "must_unmet":
      return t("unmatched.reasons.must_unmet", { criterion: t(`criteria.${reason.criterion}`) });
    default:
      return t(`unmatched.reasons.${reason.code}`);
  }
}
