import { Button, Checkbox, CloseButton, Group, NumberInput, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useSavePreferences } from "../../../api/pairs";
import { ApiProblem } from "../../../api/problem";
import type { PreferenceSheet, Side } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifySuccess } from "../../../components/notify";
import { formFieldPath } from "./planForm";
import { canAddChoice, choicesFor, newRankRow, sheetErrors, sheetFormValues, sheetInput, type SheetFormValues } from "./preferenceSheet";
import type { PersonOption } from "./usePreferencePeople";

interface Props {
  programId: number;
  side: Side;
  chooserId: number;
  sheet: PreferenceSheet | undefined;
  /** People of the other side. */
  options: PersonOption[];
  limit: number;
}

/** One person's sheet: attendance at the group meeting and up to `limit` ranked choices, each person once. */
export function PreferenceSheetForm({ programId, side, chooserId, sheet, options, limit }: Props) {
  const { t } = useTranslation();
  const save = useSavePreferences(programId);
  const form = useForm<SheetFormValues>({
    initialValues: sheetFormValues(sheet),
    validate: (values) =>
      sheetErrors(values, limit, {
        required: t("common.required"),
        duplicate: t("preferences.duplicate"),
        rank: t("preferences.rankRange", { limit }),
      }),
  });
  const ranks = form.values.ranks;

  const submit = form.onSubmit((values) =>
    save.mutate(
      { sheets: [sheetInput(side, chooserId, values)] },
      {
        onSuccess: () => notifySuccess(t("preferences.saved")),
        onError: (error) => {
          if (!(error instanceof ApiProblem)) return;
          // `sheets[0].ranks[1].id` is this form's `ranks.1.id`.
          form.setErrors(
            Object.fromEntries(error.fieldErrors.map((e) => [formFieldPath(e.field).replace(/^sheets\.0\./, ""), e.message])),
          );
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Checkbox label={t("preferences.attended")} {...form.getInputProps("attended", { type: "checkbox" })} />
        <Text size="sm" fw={500}>
          {t("preferences.choices")}
        </Text>
        <Stack gap="xs" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {ranks.map((row, index) => {
            const no = index + 1;
            return (
              <Group key={row.key} component="li" gap="xs" align="flex-end" wrap="wrap">
                <Select
                  style={{ flex: "1 1 16rem", minWidth: 0 }}
                  label={t("preferences.person", { no })}
                  searchable
                  nothingFoundMessage={t("common.nothingFound")}
                  data={choicesFor(options, ranks, index)}
                  {...form.getInputProps(`ranks.${index}.id`)}
                />
                <NumberInput
                  w={130}
                  label={t("preferences.rank", { no })}
                  min={1}
                  max={limit}
                  allowDecimal={false}
                  {...form.getInputProps(`ranks.${index}.rank`)}
                />
                <CloseButton mb={6} aria-label={t("preferences.removeChoice", { no })} onClick={() => form.removeListItem("ranks", index)} />
              </Group>
            );
          })}
        </Stack>
        <Group justify="space-between">
          <Button
            variant="light"
            size="xs"
            disabled={!canAddChoice(ranks, limit)}
            onClick={() => form.insertListItem("ranks", newRankRow(ranks, limit))}
          >
            {t("preferences.addChoice")}
          </Button>
          {!canAddChoice(ranks, limit) && (
            <Text size="xs" c="dimmed">
              {t("preferences.limitReached", { limit })}
            </Text>
          )}
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
