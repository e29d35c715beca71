import { Group, NativeSelect, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateSurvey, useSurveyTemplates } from "../../api/monitoring";
import { fieldErrorMap } from "../../api/problem";
import type { Program, SurveyPhase, SurveyTemplate } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormModal } from "../../components/FormModal";
import { notifySuccess } from "../../components/notify";
import { addDays, defaultPhase, groupTemplates, isSuperseded, phasesFor } from "./phases";
import { MonitoringAlert } from "./MonitoringAlert";
import { AudienceBadge, PurposeBadge } from "./SurveyBadges";

interface Values {
  template_id: string;
  phase: SurveyPhase | "";
  opens_on: string;
  closes_on: string;
}

/** Two weeks is how long the seeds give a round of questionnaires. */
const DEFAULT_DAYS = 14;

/**
 * «Запустить анкету»: a template usable at the school (standard, regional, own; with its version),
 * a phase that fits its purpose, and the days it takes answers. The new survey's page opens, to
 * issue its links.
 */
export function LaunchSurveyModal({ program, today, onClose }: { program: Program; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery("(max-width: 36em)");
  const templates = useSurveyTemplates(program.school_id);
  const create = useCreateSurvey(program.id);
  const form = useForm<Values>({
    initialValues: { template_id: "", phase: "", opens_on: today, closes_on: addDays(today, DEFAULT_DAYS) },
    validate: {
      template_id: (value) => (value ? null : t("monitoring.launch.pickTemplate")),
      phase: (value) => (value ? null : t("common.required")),
      opens_on: (value) => (value ? null : t("common.required")),
      closes_on: (value, values) =>
        !value ? t("common.required") : values.opens_on && value < values.opens_on ? t("monitoring.problems.invalid_time_range") : null,
    },
  });
  const all = templates.data ?? [];
  const chosen: SurveyTemplate | undefined = all.find((tpl) => String(tpl.id) === form.values.template_id);
  const phases = chosen ? phasesFor(chosen.purpose) : [];

  const pickTemplate = (value: string) => {
    const template = all.find((tpl) => String(tpl.id) === value);
    form.setValues({ template_id: value, phase: template ? defaultPhase(template.purpose, form.values.phase || null) : "" });
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      { template_id: Number(values.template_id), phase: values.phase as SurveyPhase, opens_on: values.opens_on, closes_on: values.closes_on },
      {
        onSuccess: (survey) => {
          notifySuccess(t("monitoring.launch.done", { title: survey.title }));
          onClose();
          navigate(`/surveys/${survey.id}`);
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  const groups = groupTemplates(all, program.school_id).map((group) => ({
    group: t(`monitoring.sources.${group.source}`),
    items: group.templates.map((tpl) => ({
      value: String(tpl.id),
      label: `${tpl.title} — ${t("monitoring.templates.version", { version: tpl.version })}${isSuperseded(tpl, all) ? ` ${t("monitoring.templates.olderMark")}` : ""}`,
    })),
  }));

  return (
    <FormModal
      opened
      title={t("monitoring.launch.title")}
      loading={create.isPending}
      submitLabel={t("monitoring.launch.submit")}
      onSubmit={submit}
      onClose={onClose}
      size="lg"
    >
      {templates.error ? <ErrorAlert error={templates.error} /> : null}
      {create.error ? <MonitoringAlert error={create.error} /> : null}
      <NativeSelect
        label={t("monitoring.launch.template")}
        required
        size="md"
        disabled={templates.isPending}
        data={[{ value: "", label: templates.isPending ? t("common.loading") : t("monitoring.launch.pickTemplate") }, ...groups]}
        value={form.values.template_id}
        error={form.errors.template_id}
        onChange={(event) => pickTemplate(event.currentTarget.value)}
        data-autofocus
      />
      {chosen && (
        <Group gap={6}>
          <PurposeBadge purpose={chosen.purpose} />
          <AudienceBadge audience={chosen.audience} />
          <Text size="sm" c="dimmed">
            {t("monitoring.templates.questions", { count: chosen.questions.length })}
          </Text>
        </Group>
      )}
      <NativeSelect
        label={t("monitoring.launch.phase")}
        description={chosen ? t(`monitoring.launch.phaseHint.${chosen.purpose}`) : t("monitoring.launch.phaseFirst")}
        required
        size="md"
        disabled={!chosen}
        data={phases.map((phase) => ({ value: phase, label: t(`monitoring.phaseOptions.${phase}`) }))}
        {...form.getInputProps("phase")}
      />
      <Group grow align="flex-start" wrap={phone ? "wrap" : "nowrap"}>
        <TextInput type="date" label={t("monitoring.launch.opensOn")} required {...form.getInputProps("opens_on")} />
        <TextInput type="date" label={t("monitoring.launch.closesOn")} required {...form.getInputProps("closes_on")} />
      </Group>
    </FormModal>
  );
}
