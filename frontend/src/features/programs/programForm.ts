import type { MentorshipForm, NewProgram, Program, ProgramPatch } from "../../api/types";

/** What the programme form edits: text as typed, people as Select values, tasks one per line. */
export interface ProgramFormValues {
  title: string;
  academic_year: string;
  start_date: string;
  end_date: string;
  forms: MentorshipForm[];
  coordinator_id: string | null;
  curator_ids: string[];
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  goal: string;
  tasks: string;
}

export function emptyProgramForm(academicYear: string): ProgramFormValues {
  return {
    title: "",
    academic_year: academicYear,
    start_date: "",
    end_date: "",
    forms: ["student_student"],
    coordinator_id: null,
    curator_ids: [],
    contact_name: "",
    contact_phone: "",
    contact_email: "",
    goal: "",
    tasks: "",
  };
}

export function programFormValues(program: Program): ProgramFormValues {
  return {
    title: program.title,
    academic_year: program.academic_year,
    start_date: program.start_date ?? "",
    end_date: program.end_date ?? "",
    forms: [...program.forms],
    coordinator_id: program.coordinator_id == null ? null : String(program.coordinator_id),
    curator_ids: program.curator_ids.map(String),
    contact_name: program.contact_name ?? "",
    contact_phone: program.contact_phone ?? "",
    contact_email: program.contact_email ?? "",
    goal: program.goal ?? "",
    tasks: program.tasks.join("\n"),
  };
}

const orNull = (value: string) => value.trim() || null;

/** The body the API takes: blanks become null (which clears them), blank task lines drop out. */
export function programBody(values: ProgramFormValues): NewProgram {
  return {
    title: values.title.trim(),
    academic_year: values.academic_year,
    start_date: values.start_date || null,
    end_date: values.end_date || null,
    forms: values.forms,
    coordinator_id: values.coordinator_id === null ? null : Number(values.coordinator_id),
    curator_ids: values.curator_ids.map(Number),
    contact_name: orNull(values.contact_name),
    contact_phone: orNull(values.contact_phone),
    contact_email: orNull(values.contact_email),
    goal: orNull(values.goal),
    tasks: values.tasks
      .split("\n")
      .map((task) => task.trim())
      .filter(Boolean),
  };
}

/** The academic year is fixed once the programme exists (its deadlines hang on it): not sent. */
export function programPatch(values: ProgramFormValues): ProgramPatch {
  const { academic_year: _fixed, ...patch } = programBody(values);
  return patch;
}
