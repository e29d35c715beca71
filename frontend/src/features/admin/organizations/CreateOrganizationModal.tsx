import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateOrganization } from "../../../api/organizations";
import { fieldErrorMap } from "../../../api/problem";
import type { Organization } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifySuccess } from "../../../components/notify";
import { childKindOf } from "./orgTree";
import { timeZoneOptions } from "./timeZones";

interface Props {
  /** The parent of the new organisation; null creates a region. */
  parent: Organization | null;
  opened: boolean;
  onClose: () => void;
}

export function CreateOrganizationModal({ parent, opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const kind = parent ? childKindOf(parent.kind) : "region";
  const form = useForm({
    initialValues: { name: "", short_name: "", slug: "", time_zone: parent?.time_zone ?? "Europe/Moscow" },
    validate: {
      name: (value) => (value.trim() ? null : t("common.required")),
      time_zone: (value) => (value ? null : t("common.required")),
    },
  });
  if (!kind) return null;

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        kind,
        parent_id: parent?.id ?? null,
        name: values.name.trim(),
        short_name: values.short_name.trim() || null,
        slug: values.slug.trim() || null,
        time_zone: values.time_zone,
      },
      {
        onSuccess: (created) => {
          notifySuccess(t("organizations.created", { name: created.name }));
          close();
          navigate(`/organizations/${created.id}`);
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={t(`organizations.create.${kind}`)}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {parent && <TextInput label={t("organizations.parent")} value={parent.name} readOnly />}
          {create.error && <ErrorAlert error={create.error} />}
          <TextInput label={t("organizations.name")} required data-autofocus {...form.getInputProps("name")} />
          <TextInput label={t("organizations.shortName")} {...form.getInputProps("short_name")} />
          <TextInput
            label={t("organizations.slug")}
            description={t("organizations.slugHint")}
            {...form.getInputProps("slug")}
          />
          <Select
            label={t("organizations.timeZone")}
            required
            searchable
            allowDeselect={false}
            data={timeZoneOptions(form.values.time_zone)}
            {...form.getInputProps("time_zone")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
