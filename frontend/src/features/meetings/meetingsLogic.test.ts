import { describe, expect, it } from "vitest";
import i18n from "../../app/i18n";
import { ApiProblem } from "../../api/problem";
import type { Meeting, MeetingAlert, Me, Pair } from "../../api/types";
import en from "../../locales/en.json";
import ru from "../../locales/ru.json";
import { alertDaysText, alertPeople, alertsTotal, alertTitle, sortAlerts } from "./alertTexts";
import {
  agendaDays,
  gridBounds,
  inMonth,
  meetingHref,
  meetingPeople,
  meetingsByDay,
  monthAt,
  monthBounds,
  monthParam,
  monthWeeks,
  parseMonth,
  shiftMonth,
} from "./calendarGrid";
import { meetingActions } from "./meetingActions";
import { logFormDefaults, newMeetingBody, pairPeople, presentFromAttendance, validateLogForm, type LogFormValues } from "./meetingForm";
import { refusalMessage } from "./meetingProblem";
import {
  durationMinutes,
  formatDayHeading,
  formatMeetingWhen,
  formatMonthTitle,
  roundedNow,
  zonedParts,
  zonedToUtc,
  zoneOffsetMinutes,
} from "./meetingTime";
import { feedbackSides, ownSchool, sitsInPairs } from "./seat";
import { awaitsMark, finalHeld, foldMeetings, nextStep, pairTakesMeetings, sortMeetings, upcoming } from "./sequence";

const VLADIVOSTOK = "Asia/Vladivostok";
const MOSCOW = "Europe/Moscow";

let nextId = 1;
function meeting(kind: Meeting["kind"], startsAt: string, status: Meeting["status"] = "held", extra: Partial<Meeting> = {}): Meeting {
  const id = nextId++;
  return {
    id, pair_id: 5, kind, status, starts_at: startsAt,
    ends_at: new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString(),
    format: "in_person", place: "Библиотека", link: null, topic: null, plan_task: null, notes: null,
    cancelled_by: null, cancel_reason: null, mentor_rating: null, mentor_feedback: null, mentee_rating: null, mentee_feedback: null,
    attendance: [
      { participant_id: 1, name: "Павлов Игорь", role: "mentor", present: true },
      { participant_id: 2, name: "Соколов Максим", role: "mentee", present: true },
    ],
    etag: `"meeting-${id}-v1"`, created_at: startsAt, updated_at: startsAt,
    ...extra,
  };
}

const person = (id: number, name: string | null) => ({ id, participant_id: id, name, grade: 9, class_letter: "А" });

function pair(status: Pair["status"] = "active", mentees = [person(2, "Соколов Максим")]): Pair {
  return {
    id: 5, program_id: 1, form: "student_student", kind: mentees.length > 1 ? "group" : "pair", role_model: null,
    mentor: person(1, "Павлов Игорь"), mentees, status, history: [], etag: '"pair-5-v1"',
    created_at: "", updated_at: "", goal: null, matching_run_id: null, order: { id: 3, number: "61-о", signed_on: "2026-11-10" },
  };
}

const t = i18n.getFixedT("ru");
const tEn = i18n.getFixedT("en");

describe("the sequence of meetings", () => {
  it("suggests introduction, trial and planning in turn, then regular meetings, then nothing after the final", () => {
    expect(nextStep([])).toBe("introduction");
    const intro = meeting("introduction", "2026-11-12T05:00:00Z");
    expect(nextStep([intro])).toBe("trial");
    const trial = meeting("trial", "2026-11-19T05:00:00Z", "scheduled");
    expect(nextStep([intro, trial])).toBe("planning");
    const planning = meeting("planning", "2026-11-26T05:00:00Z");
    expect(nextStep([planning, trial, intro])).toBe("regular");
    const regulars = [meeting("regular", "2026-12-03T05:00:00Z"), meeting("regular", "2026-12-10T05:00:00Z")];
    expect(nextStep([intro, trial, planning, ...regulars])).toBe("regular");
    expect(nextStep([intro, trial, planning, ...regulars, meeting("final", "2026-12-17T05:00:00Z", "scheduled")])).toBeNull();
  });

  it("does not count a cancelled meeting as done", () => {
    expect(nextStep([meeting("introduction", "2026-11-12T05:00:00Z", "cancelled")])).toBe("introduction");
    const intro = meeting("introduction", "2026-11-12T05:00:00Z");
    expect(nextStep([intro, meeting("trial", "2026-11-19T05:00:00Z", "cancelled")])).toBe("trial");
  });

  it("knows when the final meeting took place", () => {
    expect(finalHeld([meeting("final", "2026-12-17T05:00:00Z", "scheduled")])).toBe(false);
    expect(finalHeld([meeting("final", "2026-12-17T05:00:00Z", "held")])).toBe(true);
  });

  it("orders by time, then by creation", () => {
    const a = meeting("trial", "2026-11-19T05:00:00Z");
    const b = meeting("introduction", "2026-11-12T05:00:00Z");
    const c = meeting("regular", "2026-11-19T05:00:00Z");
    expect(sortMeetings([c, a, b]).map((m) => m.id)).toEqual([b.id, a.id, c.id]);
  });

  it("finds scheduled meetings whose time has passed, and the next one ahead", () => {
    const now = new Date("2026-11-20T00:00:00Z");
    const past = meeting("trial", "2026-11-19T05:00:00Z", "scheduled");
    const ahead = meeting("planning", "2026-11-26T05:00:00Z", "scheduled");
    const later = meeting("regular", "2026-12-03T05:00:00Z", "scheduled");
    expect(awaitsMark(past, now)).toBe(true);
    expect(awaitsMark(ahead, now)).toBe(false);
    expect(awaitsMark({ ...past, status: "held" }, now)).toBe(false);
    expect(upcoming([later, past, ahead], now)?.id).toBe(ahead.id);
    expect(upcoming([past], now)).toBeNull();
  });

  it("folds a long record to the latest meetings, unless asked or pointed at an earlier one", () => {
    const list = Array.from({ length: 9 }, (_, i) => ({ id: i + 1 }));
    expect(foldMeetings(list, { expanded: false })).toEqual({ shown: list.slice(4), hidden: 4 });
    expect(foldMeetings(list, { expanded: true }).hidden).toBe(0);
    expect(foldMeetings(list, { expanded: false, target: 2 }).hidden).toBe(0);
    expect(foldMeetings(list, { expanded: false, target: 8 }).hidden).toBe(4);
    expect(foldMeetings(list.slice(0, 6), { expanded: false }).hidden).toBe(0);
  });

  it("takes meetings only while the pair works", () => {
    expect(pairTakesMeetings("approved")).toBe(true);
    expect(pairTakesMeetings("active")).toBe(true);
    for (const status of ["proposed", "completed", "dissolved"] as const) expect(pairTakesMeetings(status)).toBe(false);
  });
});

describe("what a meeting allows", () => {
  const now = new Date("2026-11-20T00:00:00Z");
  const scheduledPast = meeting("trial", "2026-11-19T05:00:00Z", "scheduled");
  const scheduledAhead = meeting("planning", "2026-11-26T05:00:00Z", "scheduled");

  it("holds a scheduled meeting only once its time has come; moves, cancels and deletes it before", () => {
    expect(meetingActions(scheduledPast, "active", now, true)).toEqual(["hold", "move", "cancel", "delete"]);
    expect(meetingActions(scheduledAhead, "approved", now, true)).toEqual(["move", "cancel", "delete"]);
  });

  it("keeps a held meeting as a record that takes attendance, notes and feedback; a cancelled one takes nothing", () => {
    expect(meetingActions(meeting("introduction", "2026-11-12T05:00:00Z", "held"), "active", now, true)).toEqual(["record", "feedback"]);
    expect(meetingActions(meeting("introduction", "2026-11-12T05:00:00Z", "cancelled"), "active", now, true)).toEqual([]);
  });

  it("offers nothing once the pair stopped working, before it was approved, or to those who only look", () => {
    for (const status of ["proposed", "completed", "dissolved"] as const) {
      expect(meetingActions(scheduledPast, status, now, true)).toEqual([]);
    }
    expect(meetingActions(scheduledPast, "active", now, false)).toEqual([]);
  });
});

describe("the school's clock", () => {
  it("turns the school's wall time into an instant and back, whatever the browser's zone", () => {
    expect(zonedToUtc("2026-11-05", "15:00", VLADIVOSTOK).toISOString()).toBe("2026-11-05T05:00:00.000Z");
    expect(zonedToUtc("2026-11-05", "15:00", MOSCOW).toISOString()).toBe("2026-11-05T12:00:00.000Z");
    // Vladivostok's early morning is still yesterday in UTC.
    expect(zonedToUtc("2026-11-05", "08:30", VLADIVOSTOK).toISOString()).toBe("2026-11-04T22:30:00.000Z");
    expect(zonedParts("2026-11-04T22:30:00Z", VLADIVOSTOK)).toEqual({ date: "2026-11-05", time: "08:30" });
    expect(zoneOffsetMinutes(Date.UTC(2026, 10, 5), VLADIVOSTOK)).toBe(600);
  });

  it("follows summer time where a zone has it", () => {
    expect(zonedToUtc("2026-07-01", "12:00", "Europe/London").toISOString()).toBe("2026-07-01T11:00:00.000Z");
    expect(zonedToUtc("2026-01-15", "12:00", "Europe/London").toISOString()).toBe("2026-01-15T12:00:00.000Z");
  });

  it("rounds now down to a quarter of an hour on the school's clock", () => {
    expect(roundedNow(new Date("2026-11-05T05:07:42Z"), VLADIVOSTOK)).toEqual({ date: "2026-11-05", time: "15:00" });
    expect(roundedNow(new Date("2026-11-05T05:59:00Z"), VLADIVOSTOK)).toEqual({ date: "2026-11-05", time: "15:45" });
  });

  it("writes the day and the hours the Russian way, in the school's zone", () => {
    const m = meeting("introduction", "2026-11-05T05:00:00Z");
    expect(formatMeetingWhen(m, "ru", VLADIVOSTOK)).toBe("чт, 5 ноября 2026 г., 15:00–15:45");
    expect(formatMeetingWhen(m, "ru", MOSCOW)).toBe("чт, 5 ноября 2026 г., 08:00–08:45");
    expect(durationMinutes(m)).toBe(45);
    expect(formatDayHeading("2026-11-05", "ru")).toBe("четверг, 5 ноября");
    expect(formatMonthTitle(2026, 11, "ru")).toBe("Ноябрь 2026");
    expect(formatMonthTitle(2026, 11, "en")).toBe("November 2026");
  });
});

describe("the calendar", () => {
  it("lays a month out in weeks from Monday, with the neighbours' edges", () => {
    // 1 November 2026 is a Sunday.
    const weeks = monthWeeks({ year: 2026, month: 11 });
    expect(weeks[0]).toEqual(["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"]);
    expect(weeks.at(-1)?.[6]).toBe("2026-12-06");
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // February 2027 starts on a Monday and ends on a Sunday: four weeks exactly.
    expect(monthWeeks({ year: 2027, month: 2 })).toHaveLength(4);
    expect(inMonth("2026-10-31", { year: 2026, month: 11 })).toBe(false);
    expect(inMonth("2026-11-30", { year: 2026, month: 11 })).toBe(true);
  });

  it("asks for the grid's days by the school's midnights", () => {
    expect(gridBounds({ year: 2026, month: 11 }, VLADIVOSTOK)).toEqual({
      from: "2026-10-25T14:00:00.000Z",
      to: "2026-12-06T14:00:00.000Z",
    });
    expect(monthBounds({ year: 2026, month: 12 }, MOSCOW)).toEqual({
      from: "2026-11-30T21:00:00.000Z",
      to: "2026-12-31T21:00:00.000Z",
    });
  });

  it("puts a meeting on the school's day, not the UTC one, and lists days in order", () => {
    const late = meeting("regular", "2026-11-05T15:30:00Z"); // 6 November, 01:30 in Vladivostok
    const morning = meeting("regular", "2026-11-05T23:00:00Z"); // 6 November, 09:00
    const earlier = meeting("trial", "2026-11-03T05:00:00Z");
    const days = meetingsByDay([morning, earlier, late], VLADIVOSTOK);
    expect([...days.keys()].sort()).toEqual(["2026-11-03", "2026-11-06"]);
    expect(days.get("2026-11-06")?.map((m) => m.id)).toEqual([late.id, morning.id]);
    expect(agendaDays([morning, earlier, late], VLADIVOSTOK).map((d) => [d.day, d.meetings.length])).toEqual([
      ["2026-11-03", 1],
      ["2026-11-06", 2],
    ]);
  });

  it("moves between months across a year and keeps the month in the address", () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthAt(new Date("2026-11-30T15:00:00Z"), VLADIVOSTOK)).toEqual({ year: 2026, month: 12 });
    expect(parseMonth("2026-11")).toEqual({ year: 2026, month: 11 });
    expect(parseMonth("2026-13")).toBeNull();
    expect(parseMonth(null)).toBeNull();
    expect(monthParam({ year: 2027, month: 2 })).toBe("2027-02");
  });

  it("names the pair from the attendance and links to the meeting on its timeline", () => {
    const m = meeting("regular", "2026-11-05T05:00:00Z", "held", {
      attendance: [
        { participant_id: 1, name: null, role: "mentor", present: true },
        { participant_id: 2, name: "Соколов Максим", role: "mentee", present: true },
        { participant_id: 3, name: "Орлова Вера", role: "mentee", present: false },
      ],
    });
    expect(meetingPeople(m, "имя удалено")).toEqual({ mentor: "имя удалено", mentees: ["Соколов Максим", "Орлова Вера"] });
    expect(meetingHref(m)).toBe(`/pairs/5/meetings#meeting-${m.id}`);
  });
});

describe("the quick form", () => {
  const now = new Date("2026-11-20T06:10:00Z"); // 16:10 in Vladivostok
  const people = pairPeople(pair());

  it("starts on the next step, now rounded, held, everyone present", () => {
    const values = logFormDefaults("trial", now, VLADIVOSTOK, people);
    expect(values).toMatchObject({ kind: "trial", date: "2026-11-20", time: "16:00", duration: 45, format: "in_person", held: true });
    expect(values.present).toEqual({ "1": true, "2": true });
  });

  it("refuses a held meeting in the future, a wrong length and a link that is not one", () => {
    const base = logFormDefaults("trial", now, VLADIVOSTOK, people);
    expect(validateLogForm(base, now, VLADIVOSTOK)).toEqual({});
    expect(validateLogForm({ ...base, time: "18:00" }, now, VLADIVOSTOK)).toEqual({ time: "heldInFuture" });
    expect(validateLogForm({ ...base, time: "18:00", held: false }, now, VLADIVOSTOK)).toEqual({});
    expect(validateLogForm({ ...base, duration: 0 }, now, VLADIVOSTOK)).toEqual({ duration: "durationRange" });
    expect(validateLogForm({ ...base, date: "" }, now, VLADIVOSTOK)).toEqual({ date: "required" });
    expect(validateLogForm({ ...base, format: "online", link: "sferum" }, now, VLADIVOSTOK)).toEqual({ link: "linkInvalid" });
    expect(validateLogForm({ ...base, format: "online", link: "https://sferum.ru/call/1" }, now, VLADIVOSTOK)).toEqual({});
  });

  it("sends a held meeting with its attendance and notes, in UTC", () => {
    const values: LogFormValues = {
      ...logFormDefaults("introduction", now, VLADIVOSTOK, people),
      date: "2026-11-12",
      time: "15:00",
      place: "  Кабинет 12 ",
      link: "https://ignored",
      notes: "Познакомились",
      present: { "1": true, "2": false },
    };
    expect(newMeetingBody(values, VLADIVOSTOK)).toEqual({
      kind: "introduction",
      starts_at: "2026-11-12T05:00:00.000Z",
      ends_at: "2026-11-12T05:45:00.000Z",
      format: "in_person",
      place: "Кабинет 12",
      link: null,
      topic: null,
      plan_task: null,
      status: "held",
      notes: "Познакомились",
      attendance: [
        { participant_id: 1, present: true },
        { participant_id: 2, present: false },
      ],
    });
  });

  it("schedules a meeting without attendance or notes", () => {
    const values = { ...logFormDefaults("regular", now, VLADIVOSTOK, people), held: false, format: "online" as const, link: "https://sferum.ru/", notes: "x", plan_task: "Дроби" };
    const body = newMeetingBody(values, VLADIVOSTOK);
    expect(body).toMatchObject({ status: "scheduled", attendance: [], notes: null, link: "https://sferum.ru/", place: null, plan_task: "Дроби" });
  });

  it("starts the hold form from what was marked, present otherwise", () => {
    expect(presentFromAttendance([{ participant_id: 1, present: null }, { participant_id: 2, present: false }])).toEqual({ "1": true, "2": false });
  });
});

describe("refusals", () => {
  const translate = (key: string, values?: Record<string, string>) => (i18n.exists(key) ? t(key, values) : null);

  it("shows the service's Russian sentence as it is, as a sentence", () => {
    const error = new ApiProblem(409, { code: "meeting_out_of_order", detail: "сначала должна пройти встреча-планирование, а потом регулярная встреча", status: 409 });
    expect(refusalMessage(error, translate)).toBe("Сначала должна пройти встреча-планирование, а потом регулярная встреча.");
    const duplicate = new ApiProblem(409, { code: "duplicate_meeting", detail: "у пары уже есть встреча-знакомство", status: 409 });
    expect(refusalMessage(duplicate, translate)).toBe("У пары уже есть встреча-знакомство.");
  });

  it("puts an English detail into Russian, keeping the date it names", () => {
    const early = new ApiProblem(409, { code: "pair_not_approved", detail: "the pair was approved on 10.11.2026: a meeting cannot come before", status: 409 });
    expect(refusalMessage(early, translate)).toBe("Пара утверждена приказом от 10.11.2026: встреча не может быть раньше этой даты.");
    const future = new ApiProblem(409, { code: "meeting_in_future", detail: "a meeting is marked held after it took place", status: 409 });
    expect(refusalMessage(future, translate)).toBe("Встречу отмечают проведённой только после того, как она прошла.");
    const closed = new ApiProblem(409, { code: "pair_closed", detail: "the pair's work has ended: its meetings are a record", status: 409 });
    expect(refusalMessage(closed, translate)).toMatch(/^Работа пары окончена/);
  });

  it("leaves other failures to the general messages", () => {
    expect(refusalMessage(new ApiProblem(412, { code: "precondition_failed", detail: "stale" }), translate)).toBeNull();
    expect(refusalMessage(new TypeError("offline"), translate)).toBeNull();
  });
});

describe("alerts", () => {
  const alert = (code: MeetingAlert["code"], days: number, extra: Partial<MeetingAlert> = {}): MeetingAlert => ({
    code, pair_id: 5, days, mentor_name: "Павлов Игорь", mentee_names: ["Соколов Максим", "Орлова Вера"], participant_id: null,
    since: "2026-11-10", action: "Свяжитесь с наставником", ...extra,
  });

  it("puts pairs that never met first, then the quiet ones by how long, then missed meetings", () => {
    const items = [alert("missed_meetings", 0), alert("quiet_pair", 22, { pair_id: 7 }), alert("quiet_pair", 30, { pair_id: 8 }), alert("no_introduction", 20)];
    expect(sortAlerts(items).map((a) => [a.code, a.pair_id])).toEqual([
      ["no_introduction", 5],
      ["quiet_pair", 8],
      ["quiet_pair", 7],
      ["missed_meetings", 5],
    ]);
    expect(alertsTotal({ no_introduction: 1, quiet_pair: 2, missed_meetings: 1 })).toBe(4);
  });

  it("says how long, with Russian plurals and the date", () => {
    expect(alertTitle(alert("no_introduction", 20), t)).toBe("Не было встречи-знакомства");
    expect(alertDaysText(alert("no_introduction", 20), t, "ru")).toBe("утверждена 10 нояб. 2026 г., прошло 20 дней");
    expect(alertDaysText(alert("no_introduction", 21), t, "ru")).toBe("утверждена 10 нояб. 2026 г., прошёл 21 день");
    expect(alertDaysText(alert("quiet_pair", 22), t, "ru")).toBe("последняя встреча 10 нояб. 2026 г., 22 дня без встреч");
    expect(alertDaysText(alert("missed_meetings", 0, { since: null }), t, "ru")).toBe("три последние встречи подряд");
    expect(alertDaysText(alert("quiet_pair", 1), tEn, "en")).toBe("last meeting 10 Nov 2026, 1 day without meetings");
  });

  it("names the mentee who stopped coming from the pair", () => {
    const group = pair("active", [person(2, "Соколов Максим"), person(3, "Орлова Вера")]);
    expect(alertPeople(alert("missed_meetings", 0, { participant_id: 3 }), group).concerned).toBe("Орлова Вера");
    expect(alertPeople(alert("missed_meetings", 0, { participant_id: 3 })).concerned).toBeNull();
    expect(alertPeople(alert("quiet_pair", 22), group)).toEqual({ mentor: "Павлов Игорь", mentees: ["Соколов Максим", "Орлова Вера"], concerned: null });
  });
});

describe("who acts", () => {
  const me = (roles: string[], fullName = "Игорь Павлов"): Pick<Me, "full_name" | "memberships"> => ({
    full_name: fullName,
    memberships: roles.map((role, i) => ({
      id: i, user_id: 1, organization_id: 10 + i, organization_name: "МБОУ СОШ с. Кремово", organization_kind: "school", role: role as Me["memberships"][number]["role"],
    })),
  });

  it("lets each side leave its own feedback, the staff either", () => {
    expect(feedbackSides("mentor")).toEqual(["mentor"]);
    expect(feedbackSides("mentee")).toEqual(["mentee"]);
    expect(feedbackSides("staff")).toEqual(["mentor", "mentee"]);
  });

  it("gives «Мои встречи» to mentors and mentees, on their school's clock", () => {
    expect(sitsInPairs(me(["curator"]))).toBe(false);
    expect(sitsInPairs(me(["curator", "mentee"]))).toBe(true);
    expect(ownSchool(me(["curator", "mentor"]))).toBe(11);
    expect(ownSchool(me(["curator"]))).toBeNull();
  });
});

describe("the meetings' texts", () => {
  const keys = (tree: object, prefix = ""): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "object" && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|few|many|other)$/, "")}`],
    );

  it("has every Russian text in English too", () => {
    expect([...new Set(keys(en.meetings))].sort()).toEqual([...new Set(keys(ru.meetings))].sort());
  });

  it("names every kind, status and alert in Russian", () => {
    expect(t("meetings.kinds.introduction")).toBe("Встреча-знакомство");
    expect(t("meetings.kinds.trial")).toBe("Пробная рабочая встреча");
    expect(t("meetings.nextStep", { kind: t("meetings.kindsInline.trial") })).toBe("Следующий шаг: пробная рабочая встреча");
    expect(["scheduled", "held", "cancelled"].map((s) => t(`meetings.status.${s}`))).toEqual(["запланирована", "проведена", "отменена"]);
  });
});
