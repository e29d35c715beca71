import { Group, NumberInput, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DURATION_RANGE } from "./meetingForm";

interface Props {
  date: string;
  time: string;
  duration: number;
  errors: { date?: string; time?: string; duration?: string };
  onChange: (values: { date?: string; time?: string; duration?: number }) => void;
}

/**
 * The date, the time and the length of a meeting, on the school's clock. The browser's own
 * pickers: a phone shows its wheel or calendar, a keyboard types the digits.
 */
export function WhenFields({ date, time, duration, errors, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Group grow gap="sm" align="flex-start" preventGrowOverflow={false} wrap="wrap">
      <TextInput
        type="date"
        label={t("meetings.fields.date")}
        required
        miw={150}
        value={date}
        error={errors.date}
        onChange={(e) => onChange({ date: e.currentTarget.value })}
      />
      <TextInput
        type="time"
        label={t("meetings.fields.time")}
        required
        miw={110}
        step={300}
        value={time}
        error={errors.time}
        onChange={(e) => onChange({ time: e.currentTarget.value })}
      />
      <NumberInput
        label={t("meetings.fields.duration")}
        miw={110}
        min={DURATION_RANGE.min}
        max={DURATION_RANGE.max}
        step={15}
        allowDecimal={false}
        inputMode="numeric"
        value={duration}
        error={errors.duration}
        onChange={(value) => onChange({ duration: Number(value) })}
      />
    </Group>
  );
}
