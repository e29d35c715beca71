import { useTranslation } from "react-i18next";
import { useCloseSurvey } from "../../api/monitoring";
import type { Survey } from "../../api/types";
import { ConfirmModal } from "../../components/ConfirmModal";
import { notifyFailure, notifySuccess } from "../../components/notify";
import { useMonitoringProblem } from "./monitoringProblem";

/** «Закрыть досрочно»: the links stop taking answers; what was submitted stays. */
export function CloseSurveyModal({ survey, onClose }: { survey: Survey; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useCloseSurvey(survey.program_id);
  const problem = useMonitoringProblem();
  return (
    <ConfirmModal
      opened
      title={t("monitoring.close.title")}
      message={t("monitoring.close.confirm", { title: survey.title, submitted: survey.counts.submitted, invitations: survey.counts.invitations })}
      confirmLabel={t("monitoring.close.button")}
      loading={close.isPending}
      onConfirm={() =>
        close.mutate(survey, {
          onSuccess: () => {
            notifySuccess(t("monitoring.close.done"));
            onClose();
          },
          onError: (error) => notifyFailure(problem(error)),
        })
      }
      onClose={onClose}
    />
  );
}
