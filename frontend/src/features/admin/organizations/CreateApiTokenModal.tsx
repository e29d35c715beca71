import { Checkbox, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useCreateApiToken } from "../../../api/apiTokens";
import { fieldErrorMap } from "../../../api/problem";
import { API_TOKEN_SCOPES, type ApiTokenCreated, type ApiTokenScope } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";

interface Props {
  organizationId: number;
  opened: boolean;
  onClose: () => void;
  onCreated: (token: ApiTokenCreated) => void;
}

export function CreateApiTokenModal({ organizationId, opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateApiToken(organizationId);
  const form = useForm({
    initialValues: { name: "", scopes: ["organizations:read"] as ApiTokenScope[], expires_on: "" },
    validate: {
      name: (value) => (value.trim() ? null : t("common.required")),
      scopes: (value) => (value.length > 0 ? null : t("tokens.scopesRequired")),
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
        name: values.name.trim(),
        scopes: values.scopes,
        // A date means "valid through that day" in the user's clock; the API takes an instant.
        expires_at: values.expires_on ? new Date(`${values.expires_on}T23:59:59`).toISOString() : null,
      },
      {
        onSuccess: (token) => {
          close();
          onCreated(token);
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <FormModal
      opened={opened}
      title={t("tokens.create")}
      error={create.error}
      loading={create.isPending}
      onSubmit={submit}
      onClose={close}
    >
      <TextInput label={t("tokens.name")} required data-autofocus {...form.getInputProps("name")} />
      <Checkbox.Group label={t("tokens.scopes")} required {...form.getInputProps("scopes")}>
        <Stack gap="xs" mt="xs">
          {API_TOKEN_SCOPES.map((scope) => (
            <Checkbox key={scope} value={scope} label={t(`tokens.scope.${scope}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <TextInput type="date" label={t("tokens.expires")} {...form.getInputProps("expires_on")} />
    </FormModal>
  );
}
