import { Select, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateOrganization } from "../../../api/organizations";
import { fieldErrorMap } from "../../../api/problem";
import type { Organization } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
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
    <FormModal
      opened={opened}
      title={t(`organizations.create.${kind}`)}
      error={create.error}
      loading={create.isPending}
      onSubmit={submit}
      onClose={close}
    >
      {parent && <TextInput label={t("organizations.parent")} value={parent.name} readOnly />}
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
    </FormModal>
  );
}
