import { Anchor, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useMe } from "../../../api/me";
import { fieldErrorMap } from "../../../api/problem";
import { usePrograms } from "../../../api/programs";
import { useCreatePractice, usePractice, useUpdatePractice } from "../../../api/recognition";
import { MENTORSHIP_FORMS, ROLE_MODELS, type MentorshipForm, type RoleModel } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { notifySuccess } from "../../../components/notify";
import { practiceSchools } from "./roles";

/** `/practices/new` and `/practices/:id/edit`: the school writes up a practice (a draft until submitted). */
export function PracticeEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const param = useParams().practiceId;
  const id = param ? Number(param) : null;
  const existing = usePractice(id);
  const { data: me } = useMe();
  const schools = me ? practiceSchools(me) : [];
  const create = useCreatePractice();
  const update = useUpdatePractice();
  const form = useForm({
    initialValues: {
      school_id: "",
      program_id: "",
      title: "",
      summary: "",
      body: "",
      form: "student_student" as MentorshipForm,
      role_model: "" as RoleModel | "",
      author: "",
    },
    validate: {
      school_id: (v) => (v || id !== null ? null : t("common.required")),
      title: (v) => (v.trim() ? null : t("common.required")),
      summary: (v) => (v.trim() ? null : t("common.required")),
      body: (v) => (v.trim() ? null : t("common.required")),
    },
  });
  const schoolId = Number(form.values.school_id) || existing.data?.school_id || null;
  const programs = usePrograms(schoolId);

  // Load the draft once; a new one starts at the user's only school, if one.
  const loadedId = existing.data?.id;
  const onlySchool = schools.length === 1 ? String(schools[0]!.id) : "";
  useEffect(() => {
    const p = existing.data;
    if (p) {
      form.setValues({
        school_id: String(p.school_id),
        program_id: p.program_id ? String(p.program_id) : "",
        title: p.title,
        summary: p.summary,
        body: p.body,
        form: p.form,
        role_model: p.role_model ?? "",
        author: p.author,
      });
    } else if (id === null && onlySchool) {
      form.setFieldValue("school_id", onlySchool);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedId, onlySchool]);

  if (id !== null && existing.isPending) return <PageLoader />;
  if (existing.error) return <ErrorAlert error={existing.error} />;

  const saving = create.isPending || update.isPending;
  const submit = form.onSubmit((v) => {
    const common = {
      title: v.title.trim(),
      summary: v.summary.trim(),
      body: v.body.trim(),
      form: v.form,
      role_model: v.role_model || null,
      program_id: v.program_id ? Number(v.program_id) : null,
    };
    const done = (practiceId: number) => {
      notifySuccess(t("recognition.practices.created"));
      void navigate(`/practices/${practiceId}`);
    };
    const failed = (error: Error) => form.setErrors(fieldErrorMap(error));
    if (existing.data) {
      update.mutate({ practice: existing.data, patch: { ...common, author: v.author.trim() || undefined } }, { onSuccess: (p) => done(p.id), onError: failed });
    } else {
      create.mutate({ ...common, school_id: Number(v.school_id), author: v.author.trim() || null }, { onSuccess: (p) => done(p.id), onError: failed });
    }
  });

  return (
    <Stack maw={820}>
      <Anchor component={Link} to={id ? `/practices/${id}` : "/practices"} size="sm">
        ← {t("recognition.practices.back")}
      </Anchor>
      <Title order={1} size="h2">{id ? t("recognition.practices.editTitle") : t("recognition.practices.newTitle")}</Title>
      {(create.error ?? update.error) ? <ErrorAlert error={create.error ?? update.error} /> : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("recognition.practices.school")}
              required
              disabled={id !== null}
              data={schools.map((s) => ({ value: String(s.id), label: s.name }))}
              {...form.getInputProps("school_id")}
            />
            <Select
              label={t("recognition.practices.program")}
              placeholder={t("recognition.practices.noProgram")}
              clearable
              data={(programs.data ?? []).map((p) => ({ value: String(p.id), label: p.title }))}
              {...form.getInputProps("program_id")}
            />
          </SimpleGrid>
          <TextInput label={t("recognition.practices.titleField")} required maxLength={200} {...form.getInputProps("title")} />
          <Textarea label={t("recognition.practices.summary")} required autosize minRows={2} maxLength={1000} {...form.getInputProps("summary")} />
          <Textarea
            label={t("recognition.practices.body")}
            description={t("recognition.practices.bodyHint")}
            required
            autosize
            minRows={8}
            maxLength={50000}
            {...form.getInputProps("body")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t("recognition.practices.form")}
              allowDeselect={false}
              data={MENTORSHIP_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }))}
              {...form.getInputProps("form")}
            />
            <Select
              label={t("recognition.practices.roleModel")}
              placeholder={t("recognition.practices.noRoleModel")}
              clearable
              data={ROLE_MODELS.map((r) => ({ value: r, label: t(`roleModels.${r}`) }))}
              {...form.getInputProps("role_model")}
            />
            <TextInput label={t("recognition.practices.author")} placeholder={t("recognition.practices.authorPlaceholder")} maxLength={200} {...form.getInputProps("author")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
