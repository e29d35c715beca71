import { Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useOrders, useSignOrder } from "../../../api/pairs";
import { fieldErrorMap } from "../../../api/problem";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { localIsoDate, nextOrderNumber } from "./orderDocument";

interface Props {
  programId: number;
  pairIds: number[];
  onClose: () => void;
}

/** «Подписать приказ»: number, date and signatory; the pairs become approved and the printable order opens. */
export function SignOrderModal({ programId, pairIds, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = useOrders(programId);
  const sign = useSignOrder(programId);
  const earlier = orders.data ?? [];
  const latest = earlier.at(-1);
  const form = useForm({
    initialValues: {
      number: nextOrderNumber(earlier.map((o) => o.number)),
      signed_on: localIsoDate(new Date()),
      signatory: latest?.signatory ?? "",
    },
    validate: {
      number: (value) => (value.trim() ? null : t("common.required")),
      signed_on: (value) => (value ? null : t("common.required")),
      signatory: (value) => (value.trim() ? null : t("common.required")),
    },
  });

  const submit = form.onSubmit((values) =>
    sign.mutate(
      { number: values.number.trim(), signed_on: values.signed_on, signatory: values.signatory.trim(), pair_ids: pairIds },
      {
        onSuccess: (order) => {
          notifySuccess(t("orders.signed", { number: order.number }));
          onClose();
          navigate(`/orders/${order.id}/print`);
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <FormModal
      opened
      title={t("orders.signTitle")}
      error={sign.error}
      loading={sign.isPending}
      submitLabel={t("orders.sign")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t("orders.signIntro", { count: pairIds.length })}</Text>
      <TextInput label={t("orders.number")} required maxLength={50} data-autofocus {...form.getInputProps("number")} />
      <TextInput type="date" label={t("orders.date")} required {...form.getInputProps("signed_on")} />
      <TextInput
        label={t("orders.signatory")}
        description={t("orders.signatoryHint")}
        required
        maxLength={200}
        {...form.getInputProps("signatory")}
      />
    </FormModal>
  );
}
