// The curator finds, through the programme's alerts, the pair approved by order «61-о» that has
// not met yet; tries to log a regular meeting first and reads the refusal naming the planning
// meeting that must come first; then logs the introduction, trial and planning meetings in
// order, as held, on days after the order; the timeline shows them in sequence and the next
// step, a regular meeting. Then the demo mentor, on a phone, opens «Мои встречи» and sees
// their own meetings.
//
// The journeys share one server and database: the setup finds the pair through the API (a
// `no_introduction` alert, the one of order «61-о» when there are several), so that other
// journeys' pairs do not get in the way.
import { logIn } from "./support.mjs";

const CURATOR = "curator@demo.nastavnik.ru";
const MENTOR = "mentor@demo.nastavnik.ru";
const PASSWORD = "demo-password-2026";
const PROGRAMME = "Программа наставничества «Ученик – ученик»";

async function call(baseUrl, token, path) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`setup: GET ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** The demo programme and the pair that never met, with the day its order was signed. */
async function setUp(baseUrl) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: CURATOR, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`setup: login answered ${login.status}`);
  const token = (await login.json()).access_token;
  const me = await call(baseUrl, token, "/me");
  const schoolId = me.memberships.find((m) => m.role === "curator").organization_id;
  const programmes = (await call(baseUrl, token, `/schools/${schoolId}/programs?limit=100`)).items;
  const programme = programmes.find((p) => p.title === PROGRAMME) ?? programmes[0];
  if (!programme) throw new Error("setup: the demo school has no programme");
  const alerts = await call(baseUrl, token, `/programs/${programme.id}/alerts`);
  const waiting = alerts.items.filter((a) => a.code === "no_introduction");
  const pairs = await Promise.all(waiting.map((a) => call(baseUrl, token, `/pairs/${a.pair_id}`)));
  const pair = pairs.find((p) => p.order?.number === "61-о") ?? pairs.find((p) => p.order);
  if (!pair) throw new Error(`setup: no approved pair without an introduction (alerts: ${JSON.stringify(alerts.counts)})`);
  return { programme, pair, signedOn: pair.order.signed_on };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "YYYY-MM-DD" some days after another. */
function daysAfter(day, days) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Fills the quick form and submits it; returns the dialog. */
async function logMeeting(page, kind, day) {
  await page.getByRole("button", { name: /^Отметить встречу:/ }).click();
  const dialog = page.getByRole("dialog", { name: "Отметить встречу" });
  await dialog.waitFor();
  if (kind) await dialog.getByLabel("Какая встреча").selectOption({ label: kind });
  await dialog.getByLabel(/^Дата/).fill(day);
  await dialog.getByLabel(/^Время/).fill("15:00");
  await dialog.getByLabel("Место").fill("Библиотека, 2 этаж");
  await dialog.getByRole("button", { name: "Отметить встречу", exact: true }).click();
  return dialog;
}

export default async function meetings(page, { baseUrl }) {
  const { programme, pair, signedOn } = await setUp(baseUrl);

  // The curator sees the programme's alerts counted on the overview, opens them and the pair that never met.
  await logIn(page, baseUrl, CURATOR);
  const summary = page.getByRole("region", { name: "Сигналы по программам" });
  await summary.getByRole("link", { name: new RegExp(`^${escape(programme.title)}: \\d+ сигнал`) }).waitFor();
  await page.getByRole("navigation").getByRole("link", { name: "Программы" }).click();
  await page.getByRole("heading", { level: 1, name: "Программы наставничества" }).waitFor();
  await page.getByRole("link", { name: programme.title }).first().click();
  await page.getByRole("heading", { level: 1, name: programme.title }).waitFor();
  await page.getByRole("tab", { name: /^Сигналы/ }).click();
  const alerts = page.getByRole("list", { name: "Сигналы по парам" });
  await alerts.waitFor();
  // Counts by code; the first shows only the pairs that never met.
  await page.getByText(/^Не было встречи-знакомства: \d+$/).click();
  const card = alerts.locator(`li[data-alert-code="no_introduction"][data-pair-id="${pair.id}"]`);
  await card.getByText("Не было встречи-знакомства").waitFor();
  await card.getByRole("link", { name: /^Встречи пары/ }).click();

  await page.waitForURL(new RegExp(`/pairs/${pair.id}/meetings$`));
  await page.getByRole("heading", { level: 1, name: "Встречи пары" }).waitFor();
  const order = await page.getByTestId("pair-order").innerText();
  if (!order.includes(`№ ${pair.order.number}`)) throw new Error(`the pair's page does not show its order: «${order}»`);
  const nextStep = page.getByTestId("next-step");
  await nextStep.filter({ hasText: "Следующий шаг: встреча-знакомство" }).waitFor();

  // A regular meeting first: refused, and the refusal names the planning meeting.
  const first = await logMeeting(page, "Регулярная встреча", daysAfter(signedOn, 2));
  const refusal = first.getByRole("alert").filter({ hasText: "встреча-планирование" });
  await refusal.waitFor();
  const refusalText = await refusal.innerText();
  if (!/Сначала должна пройти встреча-планирование/.test(refusalText)) throw new Error(`unexpected refusal: «${refusalText}»`);

  // The same form, now the introduction: logged.
  await first.getByLabel("Какая встреча").selectOption({ label: "Встреча-знакомство" });
  await first.getByRole("button", { name: "Отметить встречу", exact: true }).click();
  await first.waitFor({ state: "detached" });
  await nextStep.filter({ hasText: "Следующий шаг: пробная рабочая встреча" }).waitFor();

  // The trial and the planning meetings, each preselected as the next step.
  for (const [kind, label, offset, after] of [
    ["trial", "Пробная рабочая встреча", 4, "встреча-планирование"],
    ["planning", "Встреча-планирование", 6, "регулярная встреча"],
  ]) {
    await page.getByRole("button", { name: /^Отметить встречу:/ }).click();
    const dialog = page.getByRole("dialog", { name: "Отметить встречу" });
    const preselected = await dialog.getByLabel("Какая встреча").inputValue();
    if (preselected !== kind) throw new Error(`the quick form starts on «${preselected}», not the next step «${kind}»`);
    await dialog.getByRole("button", { name: "Отмена" }).click();
    await dialog.waitFor({ state: "detached" });
    const logged = await logMeeting(page, label, daysAfter(signedOn, offset));
    await logged.waitFor({ state: "detached" });
    await nextStep.filter({ hasText: `Следующий шаг: ${after}` }).waitFor();
  }

  // The timeline: the three meetings in sequence, held; the pair now works.
  const timeline = page.getByRole("list", { name: "Встречи" });
  const items = timeline.locator("[data-meeting-kind]");
  const kinds = await items.evaluateAll((nodes) => nodes.map((n) => `${n.dataset.meetingKind}:${n.dataset.meetingStatus}`));
  if (kinds.join(",") !== "introduction:held,trial:held,planning:held") throw new Error(`the timeline shows ${kinds.join(", ")}`);
  await timeline.getByText("Встреча-планирование", { exact: true }).waitFor();
  await page.getByText("работает", { exact: true }).first().waitFor();
  await nextStep.filter({ hasText: "Следующий шаг: регулярная встреча" }).waitFor();

  // The mentor, on a phone, sees their own meetings.
  await page.getByRole("button", { name: "Выйти" }).click();
  await page.waitForURL(/\/login$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, baseUrl, MENTOR);
  await page.getByRole("button", { name: "Открыть меню" }).click();
  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Мои встречи" }).click();
  await page.getByRole("heading", { level: 1, name: "Мои встречи" }).waitFor();
  // The next meeting first (the demo books one a few days ahead), then the past month's.
  await page.getByRole("region", { name: "Ближайшие встречи" }).getByRole("listitem").first().filter({ hasText: "запланирована" }).waitFor();
  await page.getByRole("region", { name: "Прошедшие за месяц" }).getByRole("listitem").first().filter({ hasText: "проведена" }).waitFor();
  await page.getByText("Вы — наставник").first().waitFor();
  // Months of weekly meetings: the earlier ones fold behind a button.
  await page.getByRole("button", { name: /^Показать ранн/ }).first().click();
  const mine = page.getByRole("list", { name: "Встречи" }).first();
  await mine.locator('[data-meeting-kind="introduction"][data-meeting-status="held"]').waitFor();
  // Each side sees its own feedback only: the mentor's stars, never the mentee's.
  await mine.getByText("Отзыв наставника:").first().waitFor();
  if ((await page.getByText("Отзыв наставляемого:").count()) > 0) throw new Error("the mentor sees the mentee's feedback");
  await page.getByRole("button", { name: /^Отметить встречу:/ }).first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`«Мои встречи» is ${overflow}px wider than a phone screen`);
  const count = await page.locator("[data-meeting-kind]").count();
  console.log(`     pair ${pair.id} (order № ${pair.order.number} of ${signedOn}): introduction, trial, planning held; the mentor sees ${count} meetings`);
}
