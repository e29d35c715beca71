import { Button, Collapse, Group, Paper, Progress, Radio, SegmentedControl, Stack, Text, Title, useMatches } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePairingSettings } from "../../../api/pairs";
import { ALGORITHMS, CRITERIA, OBJECTIVES, type Algorithm, type Objective } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PairingSettingsForm } from "../pairs/PairingSettingsForm";
import { WeightField } from "../pairs/WeightField";
import { customFrom, effectiveWeights, weightsSummary, type RunOptions, type WeightsSource } from "./runOptions";
import { maxScore } from "./score";

interface Props {
  programId: number;
  options: RunOptions;
  onChange: (options: RunOptions) => void;
  onRun: () => void;
  running: boolean;
  error: unknown;
}

/** «Запуск подбора»: the algorithm, its objective, the programme's weights or the run's own, and the button. */
export function RunPanel({ programId, options, onChange, onRun, running, error }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const algorithmId = useId();
  const objectiveId = useId();
  const settingsFormId = useId();
  const settings = usePairingSettings(programId);
  const [editingSettings, setEditingSettings] = useState(false);
  const weights = effectiveWeights(options, settings.data?.weights);
  const max = weights ? maxScore(weights) : null;
  // Side by side the choices are wider than a phone: there they stack.
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", xs: "horizontal" });
  const set = (patch: Partial<RunOptions>) => onChange({ ...options, ...patch });

  const chooseSource = (source: WeightsSource) => {
    // The run's own weights start from the programme's, so the curator changes only what differs.
    const custom = options.custom ?? (settings.data ? customFrom(settings.data.weights) : null);
    set({ source, custom });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t("matching.panel")}
        </Title>
        <div>
          <Text id={algorithmId} size="sm" fw={500} mb={4}>
            {t("matching.algorithm")}
          </Text>
          <SegmentedControl
            aria-labelledby={algorithmId}
            orientation={orientation}
            data={ALGORITHMS.map((a) => ({ value: a, label: t(`matching.algorithms.${a}`) }))}
            value={options.algorithm}
            onChange={(value) => set({ algorithm: value as Algorithm })}
            disabled={running}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t(`matching.algorithmHints.${options.algorithm}`)}
          </Text>
        </div>
        <div>
          <Text id={objectiveId} size="sm" fw={500} mb={4}>
            {t("matching.objective")}
          </Text>
          <SegmentedControl
            aria-labelledby={objectiveId}
            orientation={orientation}
            data={OBJECTIVES.map((o) => ({ value: o, label: t(`matching.objectives.${o}`) }))}
            value={options.objective}
            onChange={(value) => set({ objective: value as Objective })}
            disabled={running || options.algorithm !== "optimal"}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {options.algorithm === "optimal" ? t(`matching.objectiveHints.${options.objective}`) : t("matching.stableIgnoresObjective")}
          </Text>
        </div>
        <Radio.Group label={t("matching.weightsSource")} value={options.source} onChange={(value) => chooseSource(value as WeightsSource)}>
          <Stack gap={6} mt={6}>
            <Radio value="settings" label={t("matching.weightsSources.settings")} disabled={running} />
            <Radio value="custom" label={t("matching.weightsSources.custom")} disabled={running || !settings.data} />
          </Stack>
        </Radio.Group>
        {settings.error ? <ErrorAlert error={settings.error} /> : null}
        {options.source === "settings" && settings.data && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t("matching.settingsWeights", { weights: weightsSummary(settings.data.weights, t) })}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              aria-expanded={editingSettings}
              aria-controls={settingsFormId}
              onClick={() => setEditingSettings((open) => !open)}
            >
              {editingSettings ? t("matching.hideSettings") : t("matching.editSettings")}
            </Button>
            {/* The programme's own form: what is saved here every later run uses by default. */}
            <Collapse expanded={editingSettings} id={settingsFormId}>
              <Paper withBorder p="sm" mt={4}>
                {editingSettings && <PairingSettingsForm programId={programId} readOnly={running} />}
              </Paper>
            </Collapse>
          </Stack>
        )}
        {options.source === "custom" && options.custom && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t("matching.customHint")}
            </Text>
            {CRITERIA.map((criterion) => (
              <WeightField
                key={criterion}
                criterion={criterion}
                value={options.custom![criterion]}
                readOnly={running}
                onChange={(value) => set({ custom: { ...options.custom!, [criterion]: value } })}
              />
            ))}
          </Stack>
        )}
        {max !== null && (
          <Text size="sm">{max > 0 ? t("matching.maxScore", { max }) : t("matching.zeroWeights")}</Text>
        )}
        {error ? <ErrorAlert error={error} /> : null}
        <Group>
          <Button onClick={onRun} loading={running} disabled={max === 0}>
            {t("matching.run")}
          </Button>
        </Group>
        {running && (
          <Stack gap={4}>
            <Progress value={100} striped animated aria-label={t("matching.running")} />
            <Text size="sm" c="dimmed" role="status">
              {t("matching.runningHint")}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
