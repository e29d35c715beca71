import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateSurveyTemplate, useNewTemplateVersion, useUpdateSurveyTemplate } from "../../api/monitoring";
import { ApiProblem } from "../../api/problem";
import {
  AUDIENCES,
  MENTORSHIP_FORMS,
  PURPOSES,
  QUESTION_KINDS,
  type Purpose,
  type QuestionKind,
  type SurveyTemplate,
} from "../../api/types";
import { notifySuccess } from "../../components/notify";
import { MonitoringAlert } from "./MonitoringAlert";
import { monitoringCode } from "./monitoringProblem";
import {
  checkDraft,
  expectationChoices,
  formPath,
  MAX_QUESTIONS,
  moveItem,
  newQuestion,
  newTemplateBody,
  renameQuestion,
  templateDraft,
  versionBody,
  type QuestionDraft,
  type TemplateDraft,
} from "./templateForm";

export type EditorMode =
  | { kind: "create"; draft: TemplateDraft }
  | { kind: "edit"; template: SurveyTemplate }
  | { kind: "version"; template: SurveyTemplate };

type Form = UseFormReturnType<TemplateDraft>;

/**
 * A template's editor: code, title, purpose and audience when it is new; its questions of each
 * kind with their options or range, the expectation a «reality» scale answers (phase 1) and the
 * parameter a scale measures (phase 2). Saves a new template, edits one no survey runs yet, or
 * makes its next version; an edit refused because a survey started meanwhile offers the version.
 */
export function TemplateEditorModal({ organizationId, mode, onClose }: { organizationId: number; mode: EditorMode; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 48em)");
  const creating = mode.kind === "create";
  const form = useForm<TemplateDraft>({
    initialValues: creating ? mode.draft : templateDraft(mode.template),
    validate: (values) =>
      Object.fromEntries(Object.entries(checkDraft(values, creating)).map(([path, key]) => [path, t(`monitoring.editor.errors.${key}`)])),
  });
  const create = useCreateSurveyTemplate(organizationId);
  const update = useUpdateSurveyTemplate();
  const version = useNewTemplateVersion();
  const [inUse, setInUse] = useState(false);
  const busy = create.isPending || update.isPending || version.isPending;
  const failure = inUse ? null : (create.error ?? update.error ?? version.error);

  const fail = (error: unknown) => {
    if (!(error instanceof ApiProblem)) return;
    form.setErrors(Object.fromEntries(error.fieldErrors.map((f) => [formPath(f.field), f.message])));
    if (monitoringCode(error) === "template_exists") form.setFieldError("code", t("monitoring.problems.template_exists"));
    if (monitoringCode(error) === "template_in_use") setInUse(true);
  };
  const done = (saved: SurveyTemplate, message: string) => {
    notifySuccess(t(message, { title: saved.title, version: saved.version }));
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (mode.kind === "create") {
      create.mutate(newTemplateBody(values), { onSuccess: (saved) => done(saved, "monitoring.editor.created"), onError: fail });
    } else if (mode.kind === "edit") {
      update.mutate({ template: mode.template, body: versionBody(values) }, { onSuccess: (saved) => done(saved, "monitoring.editor.saved"), onError: fail });
    } else {
      version.mutate({ template: mode.template, body: versionBody(values) }, { onSuccess: (saved) => done(saved, "monitoring.editor.versionMade"), onError: fail });
    }
  });

  const saveAsVersion = () => {
    if (mode.kind === "create" || form.validate().hasErrors) return;
    version.mutate(
      { template: mode.template, body: versionBody(form.values) },
      { onSuccess: (saved) => done(saved, "monitoring.editor.versionMade"), onError: fail },
    );
  };

  const title =
    mode.kind === "create"
      ? t("monitoring.editor.createTitle")
      : mode.kind === "edit"
        ? t("monitoring.editor.editTitle", { title: mode.template.title, version: mode.template.version })
        : t("monitoring.editor.versionTitle", { title: mode.template.title });
  const questions = form.values.questions;
  const addQuestion = (kind: QuestionKind) =>
    form.insertListItem("questions", newQuestion(kind, questions.map((q) => q.code)));

  return (
    <Modal opened onClose={onClose} title={title} size="xl" fullScreen={phone}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure ? <MonitoringAlert error={failure} /> : null}
          {inUse && (
            <Alert color="orange" title={t("monitoring.editor.inUseTitle")} role="alert">
              <Text size="sm">{t("monitoring.problems.template_in_use")}</Text>
              <Button mt="sm" size="sm" loading={version.isPending} onClick={saveAsVersion}>
                {t("monitoring.editor.saveAsVersion")}
              </Button>
            </Alert>
          )}
          {mode.kind === "version" && (
            <Text size="sm" c="dimmed">
              {t("monitoring.editor.versionHint")}
            </Text>
          )}
          {creating ? (
            <Group grow align="flex-start" wrap={phone ? "wrap" : "nowrap"}>
              <TextInput
                label={t("monitoring.editor.code")}
                description={t("monitoring.editor.codeHint")}
                required
                maxLength={40}
                data-autofocus
                {...form.getInputProps("code")}
              />
              <TextInput label={t("monitoring.editor.title")} required maxLength={200} {...form.getInputProps("title")} />
            </Group>
          ) : (
            <TextInput label={t("monitoring.editor.title")} required maxLength={200} data-autofocus {...form.getInputProps("title")} />
          )}
          {creating && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t("monitoring.editor.purpose")}
                </Text>
                <SegmentedControl
                  fullWidth
                  orientation={phone ? "vertical" : "horizontal"}
                  data={PURPOSES.map((p) => ({ value: p, label: t(`monitoring.purposeOptions.${p}`) }))}
                  value={form.values.purpose}
                  onChange={(value) => form.setFieldValue("purpose", value as Purpose)}
                />
              </Stack>
              <Group grow align="flex-start" wrap={phone ? "wrap" : "nowrap"}>
                <NativeSelect
                  label={t("monitoring.editor.audience")}
                  data={AUDIENCES.map((a) => ({ value: a, label: t(`monitoring.audienceOptions.${a}`) }))}
                  {...form.getInputProps("audience")}
                />
                <NativeSelect
                  label={t("monitoring.editor.form")}
                  data={[{ value: "", label: t("monitoring.editor.anyForm") }, ...MENTORSHIP_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }))]}
                  {...form.getInputProps("form")}
                />
              </Group>
            </>
          )}

          <Title order={3} size="h5" mt="sm">
            {t("monitoring.editor.questions", { count: questions.length })}
          </Title>
          {typeof form.errors.questions === "string" && (
            <Text c="red.8" size="sm" role="alert">
              {form.errors.questions}
            </Text>
          )}
          <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {questions.map((q, index) => (
              <QuestionEditor key={q.key} form={form} index={index} purpose={form.values.purpose} />
            ))}
          </Stack>
          {questions.length < MAX_QUESTIONS && (
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t("monitoring.editor.add")}
              </Text>
              {QUESTION_KINDS.map((kind) => (
                <Button key={kind} size="compact-sm" variant="light" onClick={() => addQuestion(kind)}>
                  + {t(`monitoring.kinds.${kind}`)}
                </Button>
              ))}
            </Group>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {mode.kind === "create"
                ? t("monitoring.editor.submitCreate")
                : mode.kind === "edit"
                  ? t("common.save")
                  : t("monitoring.editor.submitVersion")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function QuestionEditor({ form, index, purpose }: { form: Form; index: number; purpose: Purpose }) {
  const { t } = useTranslation();
  const questions = form.values.questions;
  const q: QuestionDraft = questions[index];
  const path = (field: keyof QuestionDraft) => `questions.${index}.${field}`;
  const ranged = q.kind === "scale" || q.kind === "number";
  const choices = expectationChoices(questions, q);
  // Phase 1 pairs expectations with reality; phase 2 measures parameters. A value set anyway stays visible.
  const showExpectation = q.kind === "scale" && (purpose === "quality" || q.expectation_of !== "");
  const showParameter = ranged && (purpose === "impact" || q.parameter !== "");
  const number = index + 1;

  return (
    <Paper withBorder p="sm" component="li" aria-label={t("monitoring.editor.questionNo", { n: number })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {t("monitoring.editor.questionNo", { n: number })}
          </Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              disabled={index === 0}
              aria-label={t("monitoring.editor.moveUp", { n: number })}
              onClick={() => form.setFieldValue("questions", moveItem(questions, index, index - 1))}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={index === questions.length - 1}
              aria-label={t("monitoring.editor.moveDown", { n: number })}
              onClick={() => form.setFieldValue("questions", moveItem(questions, index, index + 1))}
            >
              ↓
            </ActionIcon>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              disabled={questions.length === 1}
              aria-label={t("monitoring.editor.removeNo", { n: number })}
              onClick={() => form.removeListItem("questions", index)}
            >
              {t("common.delete")}
            </Button>
          </Group>
        </Group>
        <Textarea label={t("monitoring.editor.text")} required autosize minRows={1} maxLength={1000} {...form.getInputProps(path("text"))} />
        <Group align="flex-start" gap="sm">
          <NativeSelect
            label={t("monitoring.editor.kind")}
            data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`monitoring.kinds.${k}`) }))}
            w={220}
            {...form.getInputProps(path("kind"))}
          />
          <TextInput
            label={t("monitoring.editor.questionCode")}
            description={t("monitoring.editor.questionCodeHint")}
            required
            maxLength={40}
            w={200}
            {...form.getInputProps(path("code"))}
            onChange={(event) => form.setFieldValue("questions", renameQuestion(questions, index, event.currentTarget.value))}
          />
          <Checkbox
            mt={30}
            label={t("monitoring.editor.required")}
            {...form.getInputProps(path("required"), { type: "checkbox" })}
          />
        </Group>
        {(q.kind === "single" || q.kind === "multiple") && (
          <Textarea
            label={t("monitoring.editor.options")}
            description={t("monitoring.editor.optionsHint")}
            autosize
            minRows={2}
            {...form.getInputProps(path("options"))}
          />
        )}
        {ranged && (
          <Group gap="sm" align="flex-start">
            <TextInput label={t("monitoring.editor.min")} inputMode="decimal" w={120} {...form.getInputProps(path("min"))} />
            <TextInput label={t("monitoring.editor.max")} inputMode="decimal" w={120} {...form.getInputProps(path("max"))} />
            {q.kind === "scale" && (
              <Text size="xs" c="dimmed" mt={30} maw={220}>
                {t("monitoring.editor.scaleHint")}
              </Text>
            )}
          </Group>
        )}
        {showExpectation && (
          <NativeSelect
            label={t("monitoring.editor.expectationOf")}
            description={t("monitoring.editor.expectationHint")}
            data={[
              { value: "", label: t("monitoring.editor.noExpectation") },
              ...choices.map((c) => ({ value: c.code.trim(), label: `${c.code.trim()} — ${c.text.trim() || "…"}`.slice(0, 90) })),
              // A name no longer among the choices stays listed, so that the check can say what is wrong.
              ...(q.expectation_of && !choices.some((c) => c.code.trim() === q.expectation_of) ? [{ value: q.expectation_of, label: q.expectation_of }] : []),
            ]}
            {...form.getInputProps(path("expectation_of"))}
          />
        )}
        {showParameter && (
          <TextInput
            label={t("monitoring.editor.parameter")}
            description={t("monitoring.editor.parameterHint")}
            maxLength={40}
            w={320}
            {...form.getInputProps(path("parameter"))}
          />
        )}
      </Stack>
    </Paper>
  );
}
