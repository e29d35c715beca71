import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Audience, Purpose, SurveyPhase } from "../../api/types";
import { SURVEY_STATE_COLORS, type SurveyState } from "./phases";

const PHASE_COLORS: Record<SurveyPhase, string> = { quality: "grape", entry: "teal", interim: "cyan", exit: "indigo" };

export function PhaseBadge({ phase }: { phase: SurveyPhase }) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_COLORS[phase]} variant="light" tt="none">
      {t(`monitoring.phases.${phase}`)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: SurveyState }) {
  const { t } = useTranslation();
  return (
    <Badge color={SURVEY_STATE_COLORS[state]} variant={state === "open" ? "filled" : "light"} tt="none">
      {t(`monitoring.state.${state}`)}
    </Badge>
  );
}

export function AudienceBadge({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" tt="none">
      {t(`monitoring.audiences.${audience}`)}
    </Badge>
  );
}

export function PurposeBadge({ purpose }: { purpose: Purpose }) {
  const { t } = useTranslation();
  return (
    <Badge color={purpose === "quality" ? "grape" : "teal"} variant="light" tt="none">
      {t(`monitoring.purposes.${purpose}`)}
    </Badge>
  );
}

/** Phase, audience and state side by side, as a survey's line shows them. */
export function SurveyBadges({ phase, audience, state }: { phase: SurveyPhase; audience: Audience; state: SurveyState }) {
  return (
    <Group gap={6}>
      <PhaseBadge phase={phase} />
      <AudienceBadge audience={audience} />
      <StateBadge state={state} />
    </Group>
  );
}
