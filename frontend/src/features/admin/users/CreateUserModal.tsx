import { PasswordInput, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { fieldErrorMap } from "../../../api/problem";
import type { Role } from "../../../api/types";
import { useCreateUser } from "../../../api/users";
import { FormModal } from "../../../components/FormModal";
import { OrganizationSelect } from "../../../components/OrganizationSelect";
import { RoleSelect } from "../../../components/RoleSelect";
import { notifySuccess } from "../../../components/notify";

export const MIN_PASSWORD_LENGTH = 10;

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const form = useForm({
    initialValues: {
      email: "",
      full_name: "",
      password: "",
      organization_id: null as number | null,
      role: null as Role | null,
    },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : t("login.emailInvalid")),
      full_name: (value) => (value.trim() ? null : t("common.required")),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : t("users.passwordTooShort", { min: MIN_PASSWORD_LENGTH }),
      // A role without an organisation (or the reverse) means nothing.
      role: (value, values) => (values.organization_id !== null && !value ? t("common.required") : null),
      organization_id: (value, values) => (values.role && value === null ? t("common.required") : null),
    },
  });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        email: values.email.trim(),
        full_name: values.full_name.trim(),
        password: values.password,
        memberships:
          values.organization_id !== null && values.role
            ? [{ organization_id: values.organization_id, role: values.role }]
            : [],
      },
      {
        onSuccess: (user) => {
          notifySuccess(t("users.created", { name: user.full_name }));
          close();
          navigate(`/users/${user.id}`);
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <FormModal
      opened={opened}
      title={t("users.create")}
      error={create.error}
      loading={create.isPending}
      onSubmit={submit}
      onClose={close}
    >
      <TextInput label={t("users.email")} type="email" required data-autofocus {...form.getInputProps("email")} />
      <TextInput label={t("users.fullName")} required {...form.getInputProps("full_name")} />
      <PasswordInput
        label={t("users.password")}
        description={t("users.passwordHint", { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        {...form.getInputProps("password")}
      />
      <OrganizationSelect
        label={t("users.organization")}
        clearable
        value={form.values.organization_id}
        onChange={(id) => form.setFieldValue("organization_id", id)}
        error={form.errors.organization_id}
      />
      <RoleSelect
        label={t("users.role")}
        clearable
        value={form.values.role}
        onChange={(role) => form.setFieldValue("role", role)}
        error={form.errors.role}
      />
    </FormModal>
  );
}
