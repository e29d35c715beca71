import { Alert, Anchor, Badge, Button, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMe } from "../../../api/me";
import { usePractice, usePracticeStep } from "../../../api/recognition";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { FormModal } from "../../../components/FormModal";
import { PageLoader } from "../../../components/PageLoader";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { formatLongDay } from "../../programs/pairs/orderDocument";
import { paragraphs } from "./awardTexts";
import { PracticeStatusBadge } from "./PracticeStatusBadge";
import { practiceSchools, publishesPractices } from "./roles";

/** `/practices/:id`: the write-up, and the next step of its way to the library for whoever takes it. */
export function PracticePage() {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const id = Number(useParams().practiceId);
  const loaded = usePractice(id);
  const { data: me } = useMe();
  const step = usePracticeStep();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState("");

  if (loaded.isPending) return <PageLoader />;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  const practice = loaded.data;
  const writes = me ? practiceSchools(me).some((s) => s.id === practice.school_id) || me.is_system_admin : false;
  const reviews = me ? publishesPractices(me) : false;
  const run = (which: "submit" | "publish", done: string) =>
    step.mutate({ practice, step: which }, { onSuccess: () => notifySuccess(done), onError: (e) => notifyFailure(problemMessage(e)) });

  return (
    <Stack maw={820}>
      <Anchor component={Link} to="/practices" size="sm">
        ← {t("recognition.practices.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2" style={{ hyphens: "auto" }} lang="ru">
          {practice.title}
        </Title>
        <PracticeStatusBadge status={practice.status} />
      </Group>
      <Text c="dimmed" size="sm">
        {t("recognition.practices.by", { author: practice.author, school: practice.school_name })}
        {practice.published_at && ` · ${t("recognition.practices.publishedOn", { date: formatLongDay(practice.published_at.slice(0, 10), i18n.language) })}`}
      </Text>
      <Group gap="xs">
        <Badge variant="light">{t(`forms.${practice.form}`)}</Badge>
        {practice.role_model && (
          <Badge variant="light" color="grape">
            {t(`roleModels.${practice.role_model}`)}
          </Badge>
        )}
      </Group>
      {practice.review_note && practice.status === "draft" && (
        <Alert color="orange" title={t("recognition.practices.reviewNote")}>
          {practice.review_note}
        </Alert>
      )}
      <Text fw={600}>{practice.summary}</Text>
      <Stack gap="sm" component="article">
        {paragraphs(practice.body).map((p, i) => (
          <Text key={i} style={{ whiteSpace: "pre-line" }}>
            {p}
          </Text>
        ))}
      </Stack>
      <Group>
        {writes && practice.status === "draft" && (
          <>
            <Button variant="default" component={Link} to={`/practices/${practice.id}/edit`}>
              {t("common.edit")}
            </Button>
            <Button loading={step.isPending} onClick={() => run("submit", t("recognition.practices.submitted"))}>
              {t("recognition.practices.submit")}
            </Button>
          </>
        )}
        {reviews && practice.status === "submitted" && (
          <>
            <Button color="green.8" loading={step.isPending} onClick={() => run("publish", t("recognition.practices.published"))}>
              {t("recognition.practices.publish")}
            </Button>
            <Button variant="default" onClick={() => setReturning(true)}>
              {t("recognition.practices.return")}
            </Button>
          </>
        )}
      </Group>
      {returning && (
        <FormModal
          opened
          title={t("recognition.practices.returnTitle")}
          error={step.error}
          loading={step.isPending}
          submitLabel={t("recognition.practices.return")}
          onClose={() => setReturning(false)}
          onSubmit={(event) => {
            event?.preventDefault();
            step.mutate(
              { practice, step: "return", note },
              {
                onSuccess: () => {
                  notifySuccess(t("recognition.practices.returned"));
                  setReturning(false);
                },
              },
            );
          }}
        >
          <Textarea label={t("recognition.practices.returnNote")} required autosize minRows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </FormModal>
      )}
    </Stack>
  );
}
