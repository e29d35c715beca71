import { useTranslation } from "react-i18next";
import type { Pair, PairPerson } from "../../../api/types";

/** Names people and pairs for labels: «Кузнецов Даниил и Смирнов Артём, Петрова Алиса». */
export function usePairName() {
  const { t } = useTranslation();
  const person = (p: PairPerson) => p.name ?? t("participants.erasedName", { id: p.participant_id });
  const pair = (p: Pick<Pair, "mentor" | "mentees">) =>
    t("pairs.name", { mentor: person(p.mentor), mentees: p.mentees.map(person).join(", ") });
  return { person, pair };
}
