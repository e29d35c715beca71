import { useTranslation } from "react-i18next";
import { ApiProblem } from "../api/problem";

/**
 * A message for the user from any failure: a translation of the problem's code when we have
 * one (so Russian users never see an English detail), else the server's detail.
 */
export function useProblemMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiProblem) {
      // Whatever code a 412 carries, the user needs the same advice: reload and redo.
      if (error.status === 412) return t("errors.codes.precondition_failed");
      const key = `errors.codes.${error.code}`;
      if (i18n.exists(key)) return t(key);
      return error.detail ?? t("errors.generic");
    }
    if (error instanceof TypeError) return t("errors.codes.network_error");
    return t("errors.generic");
  };
}
