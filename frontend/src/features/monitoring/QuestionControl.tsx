import { Checkbox, Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Question } from "../../api/types";
import { parseNumber, scaleSteps, TEXT_LIMIT, type AnswerValue } from "./answers";

/** A chosen card stands out by more than its small indicator. */
const CHOSEN = { borderColor: "var(--mantine-color-indigo-6)", background: "var(--mantine-color-indigo-0)", boxShadow: "inset 0 0 0 1px var(--mantine-color-indigo-6)" };

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  /** The id of the question's heading, which names the control. */
  labelledBy: string;
  /** The id of the error under the control, when there is one. */
  describedBy?: string;
  invalid: boolean;
  /** A number typed that is not one arrives as NaN. */
  onChange: (value: AnswerValue | null) => void;
}

/** The control a question's kind calls for, large enough for a child's finger on a phone. */
export function QuestionControl(props: Props) {
  switch (props.question.kind) {
    case "scale":
      return <ScaleControl {...props} />;
    case "single":
      return <SingleControl {...props} />;
    case "multiple":
      return <MultipleControl {...props} />;
    case "number":
      return <NumberControl {...props} />;
    case "text":
      return <TextControl {...props} />;
  }
}

/** min…max as big buttons, five a row on a phone; the arrows move between them like radios. */
function ScaleControl({ question, value, labelledBy, describedBy, onChange }: Props) {
  const { t } = useTranslation();
  const steps = scaleSteps(question);
  const name = `scale-${question.code}`;
  return (
    <Stack gap="xs">
      <SimpleGrid
        cols={{ base: Math.min(steps.length, 5), sm: Math.min(steps.length, 11) }}
        spacing="xs"
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
      >
        {steps.map((step) => (
          <Radio.Card
            key={step}
            name={name}
            value={String(step)}
            checked={value === step}
            onClick={() => onChange(step)}
            radius="md"
            p={0}
            mih={56}
            bg={value === step ? "indigo.6" : undefined}
            c={value === step ? "white" : undefined}
            style={{ display: "flex", alignItems: "center", justifyContent: "center" }}
          >
            <Text fw={700} fz={24} inherit>
              {step}
            </Text>
          </Radio.Card>
        ))}
      </SimpleGrid>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t("monitoring.answer.scaleLow", { value: steps[0] })}
        </Text>
        <Text size="sm" c="dimmed" ta="right">
          {t("monitoring.answer.scaleHigh", { value: steps.at(-1) })}
        </Text>
      </Group>
    </Stack>
  );
}

function SingleControl({ question, value, labelledBy, describedBy, onChange }: Props) {
  const name = `single-${question.code}`;
  return (
    <Stack gap="sm" role="radiogroup" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {(question.options ?? []).map((option) => (
        <Radio.Card
          key={option}
          name={name}
          value={option}
          checked={value === option}
          onClick={() => onChange(option)}
          radius="md"
          p="md"
          style={value === option ? CHOSEN : undefined}
        >
          <Group wrap="nowrap" align="flex-start">
            <Radio.Indicator size="md" />
            <Text size="lg" lh={1.35}>
              {option}
            </Text>
          </Group>
        </Radio.Card>
      ))}
    </Stack>
  );
}

function MultipleControl({ question, value, labelledBy, describedBy, onChange }: Props) {
  const { t } = useTranslation();
  const picked = Array.isArray(value) ? value : [];
  const options = question.options ?? [];
  // The options' order, whatever order they were ticked in.
  const toggle = (option: string) =>
    onChange(options.filter((o) => (o === option ? !picked.includes(o) : picked.includes(o))));
  return (
    <Stack gap="sm" role="group" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      <Text size="sm" c="dimmed">
        {t("monitoring.answer.severalAllowed")}
      </Text>
      {options.map((option) => (
        <Checkbox.Card
          key={option}
          checked={picked.includes(option)}
          onClick={() => toggle(option)}
          radius="md"
          p="md"
          style={picked.includes(option) ? CHOSEN : undefined}
        >
          <Group wrap="nowrap" align="flex-start">
            <Checkbox.Indicator size="md" />
            <Text size="lg" lh={1.35}>
              {option}
            </Text>
          </Group>
        </Checkbox.Card>
      ))}
    </Stack>
  );
}

function NumberControl({ question, value, labelledBy, describedBy, invalid, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(typeof value === "number" ? String(value).replace(".", i18n.language === "ru" ? "," : ".") : "");
  const hint =
    question.min != null && question.max != null
      ? t("monitoring.answer.numberBetween", { min: question.min, max: question.max })
      : question.min != null
        ? t("monitoring.answer.numberFrom", { min: question.min })
        : question.max != null
          ? t("monitoring.answer.numberTo", { max: question.max })
          : null;
  return (
    <TextInput
      size="xl"
      inputMode="decimal"
      autoComplete="off"
      description={hint}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      value={text}
      maw={280}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(parseNumber(event.currentTarget.value));
      }}
    />
  );
}

function TextControl({ value, labelledBy, describedBy, invalid, onChange }: Props) {
  const { t } = useTranslation();
  const text = typeof value === "string" ? value : "";
  return (
    <Textarea
      size="lg"
      autosize
      minRows={4}
      maxRows={12}
      maxLength={TEXT_LIMIT}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      placeholder={t("monitoring.answer.textPlaceholder")}
      value={text}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
