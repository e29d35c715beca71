import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateParticipant } from "../../api/participants";
import { fieldErrorMap } from "../../api/problem";
import { FormModal } from "../../components/FormModal";
import { notifySuccess } from "../../components/notify";
import { ParticipantFields, participantValidation } from "./ParticipantFields";
import { emptyParticipantForm, newParticipantBody, participantName } from "./participantForm";

interface Props {
  schoolId: number;
  withSensitive: boolean;
  opened: boolean;
  onClose: () => void;
}

export function CreateParticipantModal({ schoolId, withSensitive, opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateParticipant(schoolId);
  const form = useForm({ initialValues: emptyParticipantForm(), validate: participantValidation(t) });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(newParticipantBody(values, withSensitive), {
      onSuccess: (participant) => {
        notifySuccess(t("participants.created", { name: participantName(participant) }));
        close();
        navigate(`/participants/${participant.id}`);
      },
      onError: (error) => form.setErrors(fieldErrorMap(error)),
    }),
  );

  return (
    <FormModal
      opened={opened}
      title={t("participants.add")}
      size="lg"
      error={create.error}
      loading={create.isPending}
      onSubmit={submit}
      onClose={close}
    >
      <ParticipantFields form={form} withSensitive={withSensitive} />
    </FormModal>
  );
}
