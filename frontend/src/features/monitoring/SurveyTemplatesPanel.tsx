import { Accordion, Badge, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSurveyTemplates } from "../../api/monitoring";
import type { Question, SurveyTemplate } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { groupTemplates, isSuperseded, templateSource } from "./phases";
import { AudienceBadge, PurposeBadge } from "./SurveyBadges";
import { TemplateEditorModal, type EditorMode } from "./TemplateEditorModal";
import { emptyDraft, templateDraft } from "./templateForm";

/**
 * The survey templates usable at an organisation, grouped standard / regional / own with their
 * versions and questions; «Новый шаблон», «Изменить» while no survey runs it, «Новая версия»
 * once one does, and «Взять за основу» to start a new one from any.
 */
export function SurveyTemplatesPanel({ organizationId, canEdit }: { organizationId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const templates = useSurveyTemplates(organizationId);
  const [editing, setEditing] = useState<EditorMode | null>(null);

  if (templates.isPending) return <PageLoader />;
  if (templates.error) return <ErrorAlert error={templates.error} />;
  const all = templates.data;
  const groups = groupTemplates(all, organizationId);

  const copy = (template: SurveyTemplate) =>
    setEditing({ kind: "create", draft: { ...templateDraft(template), code: `${template.code}_copy`.slice(0, 40), title: template.title } });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t("monitoring.templates.intro")}
        </Text>
        {canEdit && <Button onClick={() => setEditing({ kind: "create", draft: emptyDraft() })}>{t("monitoring.templates.create")}</Button>}
      </Group>
      {groups.map((group) => (
        <section key={group.source} aria-labelledby={`templates-${group.source}`}>
          <Title order={2} size="h4" id={`templates-${group.source}`} mb="xs">
            {t(`monitoring.sources.${group.source}`)}
          </Title>
          <Accordion variant="separated" multiple>
            {group.templates.map((template) => {
              const own = templateSource(template, organizationId) === "own";
              const older = isSuperseded(template, all);
              return (
                <Accordion.Item key={template.id} value={String(template.id)} data-template-code={template.code}>
                  <Accordion.Control>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} span>
                        {template.title}
                      </Text>
                      <Badge variant="default" tt="none">
                        {t("monitoring.templates.version", { version: template.version })}
                      </Badge>
                      <PurposeBadge purpose={template.purpose} />
                      <AudienceBadge audience={template.audience} />
                      {template.in_use && (
                        <Badge color="orange" variant="light" tt="none">
                          {t("monitoring.templates.inUse")}
                        </Badge>
                      )}
                      {older && (
                        <Badge color="gray" variant="outline" tt="none">
                          {t("monitoring.templates.older")}
                        </Badge>
                      )}
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      <Text size="sm" c="dimmed">
                        {t("monitoring.templates.codeLine", { code: template.code })}
                        {template.form ? ` · ${t(`forms.${template.form}`)}` : ""}
                      </Text>
                      <TemplateQuestions questions={template.questions} />
                      {canEdit && (
                        <Group gap="xs">
                          {own && !template.in_use && (
                            <Button size="compact-sm" variant="light" onClick={() => setEditing({ kind: "edit", template })}>
                              {t("monitoring.templates.edit")}
                            </Button>
                          )}
                          {own && (
                            <Button size="compact-sm" variant="light" onClick={() => setEditing({ kind: "version", template })}>
                              {t("monitoring.templates.newVersion")}
                            </Button>
                          )}
                          <Button size="compact-sm" variant="subtle" onClick={() => copy(template)}>
                            {t("monitoring.templates.copy")}
                          </Button>
                        </Group>
                      )}
                      {canEdit && own && template.in_use && (
                        <Text size="xs" c="dimmed">
                          {t("monitoring.templates.inUseHint")}
                        </Text>
                      )}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </section>
      ))}
      {editing && <TemplateEditorModal organizationId={organizationId} mode={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** The questions as the person answering sees them, with what analytics read from each. */
export function TemplateQuestions({ questions }: { questions: readonly Question[] }) {
  const { t } = useTranslation();
  return (
    <List type="ordered" spacing="xs" aria-label={t("monitoring.templates.questionsList")}>
      {questions.map((q) => (
        <List.Item key={q.code}>
          <Text size="sm" fw={500}>
            {q.text}
            {q.required ? " *" : ""}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t(`monitoring.kinds.${q.kind}`),
              q.kind === "scale" || q.kind === "number"
                ? q.min != null || q.max != null
                  ? t("monitoring.templates.range", { min: q.min ?? "…", max: q.max ?? "…" })
                  : null
                : null,
              q.options && q.options.length > 0 ? q.options.join(" / ") : null,
              q.expectation_of ? t("monitoring.templates.realityOf", { code: q.expectation_of }) : null,
              q.parameter ? t("monitoring.templates.measures", { parameter: q.parameter }) : null,
              q.code,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
