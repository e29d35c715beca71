import { Button, Group, NumberInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useMeetingSettings, useSaveMeetingSettings } from "../../api/meetings";
import { ApiProblem, fieldErrorMap } from "../../api/problem";
import type { MeetingSettings } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../components/notify";
import { PageLoader } from "../../components/PageLoader";
import { useProblemMessage } from "../../components/useProblemMessage";

const RANGE = { min: 1, max: 365 } as const;
const inRange = (value: unknown) => Number.isInteger(value) && (value as number) >= RANGE.min && (value as number) <= RANGE.max;

/** The school's limits behind the alerts: when a pair counts as quiet, how soon the introduction is due. */
export function MeetingSettingsForm({ schoolId, readOnly }: { schoolId: number; readOnly: boolean }) {
  const settings = useMeetingSettings(schoolId);
  const save = useSaveMeetingSettings(schoolId);
  if (settings.isPending) return <PageLoader />;
  if (settings.error) return <ErrorAlert error={settings.error} />;
  // A new ETag (saved here, or someone else's change) starts the form afresh.
  return <Fields key={settings.data.etag} settings={settings.data} readOnly={readOnly} save={save} />;
}

function Fields({ settings, readOnly, save }: { settings: MeetingSettings; readOnly: boolean; save: ReturnType<typeof useSaveMeetingSettings> }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const form = useForm({
    initialValues: { quiet_after_days: settings.quiet_after_days, introduction_within_days: settings.introduction_within_days },
    validate: {
      quiet_after_days: (value) => (inRange(value) ? null : t("meetings.settings.range")),
      introduction_within_days: (value) => (inRange(value) ? null : t("meetings.settings.range")),
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      { settings: values, etag: settings.etag },
      {
        onSuccess: () => notifySuccess(t("meetings.settings.saved")),
        onError: (error) => {
          if (error instanceof ApiProblem && error.status === 412) notifyFailure(problemMessage(error));
          form.setErrors(fieldErrorMap(error));
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Text size="sm">{t("meetings.settings.intro")}</Text>
        <NumberInput
          label={t("meetings.settings.introductionWithin")}
          description={t("meetings.settings.introductionWithinHint")}
          min={RANGE.min}
          max={RANGE.max}
          allowDecimal={false}
          w={{ base: "100%", sm: 420 }}
          readOnly={readOnly}
          {...form.getInputProps("introduction_within_days")}
        />
        <NumberInput
          label={t("meetings.settings.quietAfter")}
          description={t("meetings.settings.quietAfterHint")}
          min={RANGE.min}
          max={RANGE.max}
          allowDecimal={false}
          w={{ base: "100%", sm: 420 }}
          readOnly={readOnly}
          {...form.getInputProps("quiet_after_days")}
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
