import { Group, NumberInput, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreatePeriod } from "../../../api/reporting";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { initialPeriod, toNewPeriod, validatePeriod, type PeriodFormValues } from "./periodForm";

/** Opens a collection window; the service freezes every school's figures at once. */
export function OpenPeriodModal({ organizationId, opened, onClose }: { organizationId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePeriod(organizationId);
  const form = useForm<PeriodFormValues>({
    initialValues: initialPeriod(new Date()),
    validate: (values) => Object.fromEntries(Object.entries(validatePeriod(values)).map(([k, v]) => [k, t(v)])),
  });
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      title={t("results.periods.open")}
      submitLabel={t("results.periods.openSubmit")}
      error={create.error}
      loading={create.isPending}
      onClose={close}
      onSubmit={form.onSubmit((values) =>
        create.mutate(toNewPeriod(values), {
          onSuccess: (period) => {
            notifySuccess(t("results.periods.opened", { schools: period.schools }));
            close();
            navigate(`/results/periods/${period.id}`);
          },
        }),
      )}
    >
      <TextInput label={t("results.periods.fields.title")} required {...form.getInputProps("title")} />
      <TextInput type="date" label={t("results.periods.fields.reference")} description={t("results.periods.fields.referenceHint")} required {...form.getInputProps("reference_date")} />
      <Group grow>
        <TextInput type="date" label={t("results.periods.fields.opens")} required {...form.getInputProps("opens_on")} />
        <TextInput type="date" label={t("results.periods.fields.closes")} required {...form.getInputProps("closes_on")} />
      </Group>
      <Group grow>
        <NumberInput label={t("results.filters.ageFrom")} min={5} max={30} {...form.getInputProps("age_from")} />
        <NumberInput label={t("results.filters.ageTo")} min={5} max={30} {...form.getInputProps("age_to")} />
      </Group>
    </FormModal>
  );
}
