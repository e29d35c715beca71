import { Button, Group, NumberInput, Stack, Switch, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { usePairingSettings, useSavePairingSettings } from "../../../api/pairs";
import { ApiProblem } from "../../../api/problem";
import { CRITERIA, type PairingSettings } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { PageLoader } from "../../../components/PageLoader";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { formFieldPath } from "./planForm";
import { WeightField } from "./WeightField";
import { PREFERENCE_LIMIT_RANGE, settingsFormValues, settingsInput, validPreferenceLimit, type SettingsFormValues } from "./weights";

interface Props {
  programId: number;
  readOnly: boolean;
}

/**
 * How the programme matches: a weight per criterion, the preference limit and the training gate.
 * Shown in «Пары и группы» and used by the matching board.
 */
export function PairingSettingsForm({ programId, readOnly }: Props) {
  const settings = usePairingSettings(programId);
  // Held here, not in the fields: saving gives a new ETag, which remounts the fields, and a
  // mutation's per-call callbacks (the «saved» notice) do not run once its component is gone.
  const save = useSavePairingSettings(programId);
  if (settings.isPending) return <PageLoader />;
  if (settings.error) return <ErrorAlert error={settings.error} />;
  // A new ETag (saved here, or reloaded after someone else's change) starts the form afresh.
  return <SettingsFields key={settings.data.etag} settings={settings.data} readOnly={readOnly} save={save} />;
}

interface FieldsProps {
  settings: PairingSettings;
  readOnly: boolean;
  save: ReturnType<typeof useSavePairingSettings>;
}

function SettingsFields({ settings, readOnly, save }: FieldsProps) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const form = useForm<SettingsFormValues>({
    initialValues: settingsFormValues(settings),
    validate: { preference_limit: (value) => (validPreferenceLimit(value) ? null : t("pairingSettings.preferenceLimitRange")) },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      { settings: settingsInput(values), etag: settings.etag },
      {
        onSuccess: () => notifySuccess(t("pairingSettings.saved")),
        onError: (error) => {
          // After a 412 the form reloads with the other user's values: say so where it will still be seen.
          if (error instanceof ApiProblem && error.status === 412) notifyFailure(problemMessage(error));
          if (error instanceof ApiProblem) {
            form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [formFieldPath(e.field), e.message])));
          }
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Text size="sm">{t("pairingSettings.intro")}</Text>
        <Title order={3} size="h5">
          {t("pairingSettings.weights")}
        </Title>
        {CRITERIA.map((criterion) => (
          <WeightField
            key={criterion}
            criterion={criterion}
            value={form.values.weights[criterion]}
            readOnly={readOnly}
            onChange={(value) => form.setFieldValue(`weights.${criterion}`, value)}
          />
        ))}
        <NumberInput
          label={t("pairingSettings.preferenceLimit")}
          description={t("pairingSettings.preferenceLimitRange")}
          min={PREFERENCE_LIMIT_RANGE.min}
          max={PREFERENCE_LIMIT_RANGE.max}
          allowDecimal={false}
          w={{ base: "100%", sm: 420 }}
          readOnly={readOnly}
          {...form.getInputProps("preference_limit")}
        />
        <Switch
          label={t("pairingSettings.allowUntrained")}
          description={t("pairingSettings.allowUntrainedHint")}
          disabled={readOnly}
          {...form.getInputProps("allow_untrained_mentors", { type: "checkbox" })}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
