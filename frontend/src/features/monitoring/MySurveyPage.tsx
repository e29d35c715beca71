import { Anchor, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { mySurveySource, mySurveysKey } from "../../api/monitoring";
import { SurveyAnswering } from "./AnswerPage";

/**
 * `/my-surveys/:surveyId`: a survey addressed to me, answered in the app as myself — the same
 * questionnaire as a link opens, saved as I go, so that I can come back to it from home.
 */
export function MySurveyPage() {
  const { t } = useTranslation();
  const id = Number(useParams().surveyId);
  const queryClient = useQueryClient();
  const source = useMemo(() => mySurveySource(id), [id]);
  // Home's list shows how far I got: read it again when I leave.
  useEffect(() => () => void queryClient.invalidateQueries({ queryKey: mySurveysKey, exact: true }), [queryClient]);
  return (
    <Stack maw={640}>
      <Anchor component={Link} to="/">
        ← {t("monitoring.mine.back")}
      </Anchor>
      <SurveyAnswering source={source} />
    </Stack>
  );
}
