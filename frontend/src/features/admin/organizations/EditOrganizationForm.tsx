import { Button, Center, Group, Loader, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useOrganization, useUpdateOrganization } from "../../../api/organizations";
import { fieldErrorMap } from "../../../api/problem";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { timeZoneOptions } from "./timeZones";

export function EditOrganizationForm({ organizationId }: { organizationId: number }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const loaded = useOrganization(organizationId);
  const update = useUpdateOrganization(organizationId);
  const form = useForm({
    initialValues: { name: "", short_name: "", slug: "", time_zone: "" },
    validate: { name: (value) => (value.trim() ? null : t("common.required")) },
  });
  const organization = loaded.data?.organization;

  // Refill the form whenever a newer version arrives (after a save or a 412).
  useEffect(() => {
    if (!organization) return;
    const values = {
      name: organization.name,
      short_name: organization.short_name ?? "",
      slug: organization.slug,
      time_zone: organization.time_zone,
    };
    form.setInitialValues(values);
    form.setValues(values);
  }, [organization?.updated_at, organization?.id]);

  if (loaded.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (loaded.error) return <ErrorAlert error={loaded.error} />;

  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        etag: loaded.data?.etag ?? null,
        patch: {
          name: values.name.trim(),
          short_name: values.short_name.trim() || null,
          slug: values.slug.trim(),
          time_zone: values.time_zone,
        },
      },
      {
        onSuccess: () => notifySuccess(t("common.saved")),
        onError: (error) => {
          form.setErrors(fieldErrorMap(error));
          notifyFailure(problemMessage(error));
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={520}>
        <TextInput label={t("organizations.name")} required {...form.getInputProps("name")} />
        <TextInput label={t("organizations.shortName")} {...form.getInputProps("short_name")} />
        <TextInput label={t("organizations.slug")} {...form.getInputProps("slug")} />
        <Select
          label={t("organizations.timeZone")}
          searchable
          allowDeselect={false}
          data={timeZoneOptions(form.values.time_zone)}
          {...form.getInputProps("time_zone")}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
