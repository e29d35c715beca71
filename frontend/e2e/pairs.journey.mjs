// The curator makes a pair by hand in the demo programme (a ready mentor, a waiting mentee),
// signs the order approving it, checks the printable order, starts the pair's work, and adds a
// task to its development plan, watching the plan's progress move.
//
// The setup reads the bases through the API with the curator's token; when the demo has no ready
// mentor with a free place or no waiting younger mentee (an older database, earlier runs), it
// makes them through the API first, so that the journey tests the screens, not the data.
import { Api, CURATOR, PROGRAMME, enrolReadyPair, logIn } from "./support.mjs";

/** Finds a ready student mentor with a free place and a waiting younger mentee, or makes them. */
async function setUp(baseUrl) {
  const api = await Api.logIn(baseUrl, CURATOR);
  const me = await api.call("GET", "/me");
  const schoolId = me.memberships.find((m) => m.role === "curator").organization_id;
  const programmes = await api.all(`/schools/${schoolId}/programs`);
  const programme = programmes.find((p) => p.title === PROGRAMME) ?? programmes[0];
  if (!programme) throw new Error("setup: the demo school has no programme");

  const [mentors, mentees, constraints] = await Promise.all([
    api.all(`/programs/${programme.id}/mentors`),
    api.all(`/programs/${programme.id}/mentees`),
    api.call("GET", `/programs/${programme.id}/pair-constraints`),
  ]);
  const excluded = new Set(constraints.items.filter((c) => c.kind === "exclude").map((c) => `${c.mentor_id}-${c.mentee_id}`));
  const free = mentors
    .filter((m) => m.ready && m.status === "in_base" && m.source === "student" && m.capacity > m.places_taken && m.grade)
    .sort((a, b) => b.grade - a.grade);
  const waiting = mentees.filter((m) => ["in_base", "awaiting_support"].includes(m.status) && m.grade);
  for (const mentor of free) {
    const mentee = waiting.find((m) => m.grade < mentor.grade && !excluded.has(`${mentor.id}-${m.id}`));
    if (mentee) return { programme, mentor: person(mentor), mentee: person(mentee), made: false };
  }

  // Nobody fits: enrol a new pair of students, the older one interviewed, trained and in the base.
  const { mentor, mentee } = await enrolReadyPair(api, schoolId, programme.id);
  return { programme, mentor: person(mentor), mentee: person(mentee), made: true };
}

/** The name as the screens show it, and the «Name, 9 А» label of the pickers. */
function person(enrolment) {
  const grade = enrolment.grade ? `${enrolment.grade} ${enrolment.class_letter ?? ""}`.trim() : "";
  return { id: enrolment.id, name: enrolment.name, label: [enrolment.name, grade].filter(Boolean).join(", ") };
}

/** Opens a searchable select by its label, types the name and picks the option that starts with the label. */
async function pick(page, dialog, label, who) {
  const box = dialog.getByRole("textbox", { name: label }).or(dialog.getByRole("combobox", { name: label })).first();
  await box.click();
  await box.fill(who.name);
  await page.getByRole("option", { name: new RegExp(`^${escape(who.label)}(\\s|,|$)`) }).first().click();
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default async function pairs(page, { baseUrl }) {
  const { programme, mentor, mentee, made } = await setUp(baseUrl);
  const pairName = `${mentor.name} и ${mentee.name}`;

  await logIn(page, baseUrl, CURATOR);
  await page.getByRole("navigation").getByRole("link", { name: "Программы" }).click();
  await page.getByRole("heading", { level: 1, name: "Программы наставничества" }).waitFor();
  await page.getByRole("link", { name: programme.title }).first().click();
  await page.getByRole("heading", { level: 1, name: programme.title }).waitFor();
  await page.getByRole("tab", { name: "Пары и группы" }).click();
  const table = page.getByRole("table", { name: "Пары и группы программы" });

  // A pair by hand: the ready mentor and the waiting mentee.
  await page.getByRole("button", { name: "Составить пару вручную" }).click();
  const dialog = page.getByRole("dialog", { name: "Составить пару вручную" });
  await pick(page, dialog, "Наставник", mentor);
  await pick(page, dialog, "Наставляемые", mentee);
  await page.keyboard.press("Escape");
  await dialog.getByLabel("Цель").fill("Подтянуть математику до «4»");
  await dialog.getByRole("button", { name: "Создать" }).click();
  await dialog.waitFor({ state: "detached" });
  const row = table.getByRole("row").filter({ has: page.getByRole("button", { name: `История: ${pairName}` }) });
  await row.getByText("предложена", { exact: true }).waitFor();

  // The order approving it: select, sign, and land on the printable order.
  await row.getByRole("checkbox", { name: `Включить в приказ: ${pairName}` }).check();
  await page.getByText("Выбрано для приказа: 1").waitFor();
  await page.getByRole("button", { name: "Подписать приказ" }).click();
  const orderDialog = page.getByRole("dialog", { name: "Приказ об утверждении наставнических пар/групп" });
  const number = `${Date.now() % 100_000}-о`;
  await orderDialog.getByLabel("Номер приказа").fill(number);
  const signatory = orderDialog.getByLabel("Подписал");
  if (!(await signatory.inputValue())) await signatory.fill("Директор Н. П. Сидорова");
  await orderDialog.getByRole("button", { name: "Подписать приказ" }).click();

  await page.waitForURL(/\/orders\/\d+\/print$/);
  const heading = page.getByRole("heading", { level: 1, name: new RegExp(`^Приказ № ${escape(number)} от \\d{1,2} [а-я]+ \\d{4}`) });
  await heading.waitFor();
  await page.getByText("«Об утверждении наставнических пар/групп»").waitFor();
  const orderTable = page.getByRole("table", { name: "Приказ" });
  const orderRow = orderTable.getByRole("row").filter({ hasText: mentor.name }).filter({ hasText: mentee.label });
  await orderRow.waitFor();
  const orderRowText = await orderRow.innerText();
  if (!/ученик–ученик/.test(orderRowText)) throw new Error(`the order's row lacks the form: «${orderRowText}»`);
  await page.getByRole("button", { name: "Печать" }).waitFor();
  // On paper only the sheet remains: no header, no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  if (await page.getByRole("banner").isVisible()) throw new Error("the app's header is printed with the order");
  if (await page.getByRole("button", { name: "Печать" }).isVisible()) throw new Error("the print button is printed");
  await page.emulateMedia({ media: "screen" });

  // Back to the pairs: approved by the order, then started.
  await page.goBack();
  await page.getByRole("tab", { name: "Пары и группы", selected: true }).waitFor();
  await row.getByText("утверждена", { exact: true }).waitFor();
  await row.getByText(`№ ${number} от`).waitFor();
  await row.getByRole("button", { name: `Начать работу: ${pairName}` }).click();
  await row.getByText("работает", { exact: true }).waitFor();

  // The development plan: one task, done, saved; the progress follows.
  await row.getByRole("link", { name: `План развития: ${pairName}` }).click();
  await page.getByRole("heading", { level: 1, name: "План развития" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Выполнено задач: 0 из 0" }).waitFor();
  await page.getByRole("button", { name: "Добавить задачу" }).click();
  await page.getByRole("textbox", { name: "Задача 1" }).fill("Разобрать дроби с наставником");
  await page.getByRole("checkbox", { name: "Выполнена: задача 1" }).check();
  await page.getByRole("status").filter({ hasText: "Выполнено задач: 1 из 1 (100%)" }).waitFor();
  await page.getByRole("button", { name: "Сохранить" }).click();
  await page.getByText("План сохранён").waitFor();
  await page.reload();
  await page.getByRole("status").filter({ hasText: "Выполнено задач: 1 из 1 (100%)" }).waitFor();
  const bar = page.getByRole("progressbar", { name: "Выполнение плана развития" });
  if ((await bar.getAttribute("aria-valuenow")) !== "100") throw new Error("the plan's progress bar is not full");
  await fitsPhone(page);
  console.log(`     ${made ? "made by the setup: " : ""}${pairName}, order № ${number}, started, plan 1/1`);
}

// The plan must fit a phone screen: its fields wrap instead of widening the page.
async function fitsPhone(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Открыть меню" }).waitFor();
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the development plan is ${overflow}px wider than a phone screen`);
}
