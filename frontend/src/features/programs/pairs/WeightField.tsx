import { Checkbox, Group, Slider, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Criterion } from "../../../api/types";
import { MAX_POINTS, type WeightValue } from "./weights";

interface Props {
  criterion: Criterion;
  value: WeightValue;
  readOnly: boolean;
  onChange: (value: WeightValue) => void;
}

const MARKS = [0, 5, 10].map((value) => ({ value, label: String(value) }));

/** One criterion's weight: 0–10 on a slider (arrow keys move it), or «обязательно». */
export function WeightField({ criterion, value, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const name = t(`criteria.${criterion}`);
  const title = name.charAt(0).toUpperCase() + name.slice(1);
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Group justify="space-between" gap="xs">
        <Text id={labelId} size="sm" fw={500}>
          {title}
        </Text>
        <Text size="sm" c={value.must ? "indigo.8" : "dimmed"} fw={value.must ? 600 : undefined}>
          {value.must ? t("pairingSettings.must") : t("pairingSettings.points", { points: value.points })}
        </Text>
      </Group>
      <Group gap="md" align="center" wrap="nowrap">
        <Slider
          style={{ flex: 1 }}
          min={0}
          max={MAX_POINTS}
          step={1}
          marks={MARKS}
          thumbLabel={t("pairingSettings.weightOf", { criterion: name })}
          disabled={readOnly || value.must}
          value={value.points}
          onChange={(points) => onChange({ ...value, points })}
          mb="md"
        />
        <Checkbox
          label={t("pairingSettings.must")}
          aria-label={t("pairingSettings.mustOf", { criterion: name })}
          disabled={readOnly}
          checked={value.must}
          onChange={(event) => onChange({ ...value, must: event.currentTarget.checked })}
        />
      </Group>
    </Stack>
  );
}
