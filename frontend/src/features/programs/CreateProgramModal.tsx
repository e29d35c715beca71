import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { fieldErrorMap } from "../../api/problem";
import { useCreateProgram } from "../../api/programs";
import { FormModal } from "../../components/FormModal";
import { notifySuccess } from "../../components/notify";
import { ProgramFields, programValidation } from "./ProgramFields";
import { emptyProgramForm, programBody } from "./programForm";
import { academicYearOptions } from "./progress";

interface Props {
  schoolId: number;
  opened: boolean;
  onClose: () => void;
}

export function CreateProgramModal({ schoolId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProgram(schoolId);
  // The year under way (the second option) is the usual choice; the next one is a click away.
  const form = useForm({
    initialValues: emptyProgramForm(academicYearOptions(new Date())[1]),
    validate: programValidation(t),
  });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(programBody(values), {
      onSuccess: (program) => {
        notifySuccess(t("programs.created", { title: program.title }));
        close();
        navigate(`/programs/${program.id}`);
      },
      onError: (error) => form.setErrors(fieldErrorMap(error)),
    }),
  );

  return (
    <FormModal
      opened={opened}
      title={t("programs.create")}
      size="lg"
      error={create.error}
      loading={create.isPending}
      onSubmit={submit}
      onClose={close}
    >
      <ProgramFields form={form} schoolId={schoolId} />
    </FormModal>
  );
}
