import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useAddConsent } from "../../api/participants";
import { fieldErrorMap } from "../../api/problem";
import { CONSENT_GIVERS, CONSENT_SCOPES, type ConsentGiver, type ConsentScope } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { notifySuccess } from "../../components/notify";

interface Props {
  participantId: number;
  isMinor: boolean;
  opened: boolean;
  onClose: () => void;
}

const today = () => new Date().toLocaleDateString("sv-SE");

export function AddConsentModal({ participantId, isMinor, opened, onClose }: Props) {
  const { t } = useTranslation();
  const add = useAddConsent(participantId);
  const form = useForm({
    initialValues: {
      scope: "processing" as ConsentScope,
      given_by: (isMinor ? "parent" : "self") as ConsentGiver,
      giver_name: "",
      given_on: today(),
      document_ref: "",
    },
    validate: {
      given_on: (value) => (value ? null : t("common.required")),
      // A minor's consent comes from a named parent or representative.
      giver_name: (value, values) => (values.given_by !== "self" && !value.trim() ? t("common.required") : null),
      given_by: (value) => (isMinor && value === "self" ? t("consents.minorSelf") : null),
    },
  });

  const close = () => {
    form.reset();
    add.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    add.mutate(
      {
        scope: values.scope,
        given_by: values.given_by,
        giver_name: values.giver_name.trim() || null,
        given_on: values.given_on,
        document_ref: values.document_ref.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t("consents.added"));
          close();
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  const givers = CONSENT_GIVERS.filter((g) => !isMinor || g !== "self");
  return (
    <FormModal opened={opened} title={t("consents.add")} error={add.error} loading={add.isPending} submitLabel={t("consents.save")} onSubmit={submit} onClose={close}>
      <Select
        label={t("consents.scope")}
        allowDeselect={false}
        data={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`consentScopes.${s}`) }))}
        {...form.getInputProps("scope")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("consents.givenBy")}
          allowDeselect={false}
          data={givers.map((g) => ({ value: g, label: t(`consentGivers.${g}`) }))}
          {...form.getInputProps("given_by")}
        />
        <TextInput label={t("consents.giverName")} required={form.values.given_by !== "self"} {...form.getInputProps("giver_name")} />
        <TextInput type="date" label={t("consents.givenOn")} required {...form.getInputProps("given_on")} />
        <TextInput label={t("consents.documentRef")} {...form.getInputProps("document_ref")} />
      </SimpleGrid>
    </FormModal>
  );
}
