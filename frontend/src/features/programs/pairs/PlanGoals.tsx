import { Button, CloseButton, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { rowKey, type PlanFormValues } from "./planForm";

const MAX_GOALS = 20;

/** The plan's goals: one line each, added and removed freely. */
export function PlanGoals({ form, readOnly }: { form: UseFormReturnType<PlanFormValues>; readOnly: boolean }) {
  const { t } = useTranslation();
  const goals = form.values.goals;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("plan.goals")}
      </Title>
      {goals.length === 0 && <Text c="dimmed">{t("plan.noGoals")}</Text>}
      {goals.map((goal, index) => (
        <Group key={goal.key} gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            style={{ flex: 1, minWidth: 0 }}
            label={t("plan.goal", { no: index + 1 })}
            maxLength={1000}
            readOnly={readOnly}
            {...form.getInputProps(`goals.${index}.text`)}
          />
          {!readOnly && (
            <CloseButton mb={6} aria-label={t("plan.removeGoal", { no: index + 1 })} onClick={() => form.removeListItem("goals", index)} />
          )}
        </Group>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={goals.length >= MAX_GOALS}
            onClick={() => form.insertListItem("goals", { key: rowKey(), text: "" })}
          >
            {t("plan.addGoal")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
