import { Button, Checkbox, CloseButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { emptyTask, type PlanFormValues } from "./planForm";

const MAX_TASKS = 100;

/** The plan's tasks: what to do, by when, and whether it is done. */
export function PlanTasks({ form, readOnly }: { form: UseFormReturnType<PlanFormValues>; readOnly: boolean }) {
  const { t } = useTranslation();
  const tasks = form.values.tasks;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("plan.tasks")}
      </Title>
      {tasks.length === 0 && <Text c="dimmed">{t("plan.noTasks")}</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {tasks.map((task, index) => {
          const no = index + 1;
          return (
            <Paper key={task.key} withBorder p="xs" component="li">
              <Group gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  style={{ flex: "1 1 16rem", minWidth: 0 }}
                  label={t("plan.taskTitle", { no })}
                  required
                  maxLength={500}
                  readOnly={readOnly}
                  {...form.getInputProps(`tasks.${index}.title`)}
                />
                <TextInput
                  type="date"
                  w={170}
                  label={t("plan.dueOn", { no })}
                  readOnly={readOnly}
                  {...form.getInputProps(`tasks.${index}.due_on`)}
                />
                <Checkbox
                  mb={8}
                  label={t("plan.doneShort")}
                  aria-label={t("plan.done", { no })}
                  disabled={readOnly}
                  {...form.getInputProps(`tasks.${index}.done`, { type: "checkbox" })}
                />
                {!readOnly && (
                  <CloseButton mb={6} aria-label={t("plan.removeTask", { no })} onClick={() => form.removeListItem("tasks", index)} />
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" disabled={tasks.length >= MAX_TASKS} onClick={() => form.insertListItem("tasks", emptyTask())}>
            {t("plan.addTask")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
