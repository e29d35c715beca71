import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { fieldErrorMap } from "../../../api/problem";
import { useCreateActivity } from "../../../api/roadmap";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { ActivityFields, activityValidation } from "./ActivityFields";
import { newActivityBody, newActivityForm } from "./activityForm";

interface Props {
  programId: number;
  schoolId: number;
  stageNo: number;
  stageTitle: string;
  /** The school's today, the natural first guess for a deadline. */
  today: string;
  opened: boolean;
  onClose: () => void;
}

export function AddActivityModal({ programId, schoolId, stageNo, stageTitle, today, opened, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateActivity(programId);
  const form = useForm({ initialValues: newActivityForm(today), validate: activityValidation(t) });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      { stageNo, body: newActivityBody(values) },
      {
        onSuccess: () => {
          notifySuccess(t("roadmap.activityAdded"));
          close();
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <FormModal
      opened={opened}
      title={`${t("roadmap.addActivity")}: ${stageTitle}`}
      size="lg"
      error={create.error}
      loading={create.isPending}
      onSubmit={submit}
      onClose={close}
    >
      <ActivityFields form={form} schoolId={schoolId} withResult={false} />
    </FormModal>
  );
}
