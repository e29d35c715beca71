// The curator runs the matching (optimal) on the demo programme's «Подбор пар» tab, reads the
// proposals with their score bars and reasons, compares the run with an earlier one, accepts the
// proposals, then on «Пары и группы» signs the order approving the new pairs and starts them.
//
// The journeys share one server and database, and pairs.journey.mjs makes a pair too. The setup
// runs the engine once through the API: when it would propose nobody (every ready mentor's places
// taken by earlier runs or journeys), it enrols a ready mentor and a waiting mentee first, so that
// the journey tests the screens, not the data. That run also gives the screen one to compare with.
import { Api, CURATOR, PROGRAMME, enrolReadyPair, logIn } from "./support.mjs";

async function setUp(baseUrl) {
  const api = await Api.logIn(baseUrl, CURATOR);
  const me = await api.call("GET", "/me");
  const schoolId = me.memberships.find((m) => m.role === "curator").organization_id;
  const programmes = await api.all(`/schools/${schoolId}/programs`);
  const programme = programmes.find((p) => p.title === PROGRAMME) ?? programmes[0];
  if (!programme) throw new Error("setup: the demo school has no programme");

  let made = false;
  let trial = await api.call("POST", `/programs/${programme.id}/matching-runs`, { algorithm: "stable" });
  if (trial.proposals.length === 0) {
    await enrolReadyPair(api, schoolId, programme.id);
    made = true;
    trial = await api.call("POST", `/programs/${programme.id}/matching-runs`, { algorithm: "stable" });
    if (trial.proposals.length === 0) throw new Error("setup: the engine proposes nobody even with a ready pair enrolled");
  }
  const settings = await api.call("GET", `/programs/${programme.id}/pairing-settings`);
  const max = Object.values(settings.weights).reduce((sum, w) => sum + (w === "must" ? 10 : w) * 100, 0);
  return { api, programme, trialRun: trial.id, max, made };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default async function matching(page, { baseUrl }) {
  const { api, programme, trialRun, max, made } = await setUp(baseUrl);

  await logIn(page, baseUrl, CURATOR);
  await page.getByRole("navigation").getByRole("link", { name: "Программы" }).click();
  await page.getByRole("heading", { level: 1, name: "Программы наставничества" }).waitFor();
  await page.getByRole("link", { name: programme.title }).first().click();
  await page.getByRole("heading", { level: 1, name: programme.title }).waitFor();
  await page.getByRole("tab", { name: "Подбор пар" }).click();

  // The run panel: optimal, best fit, the programme's weights.
  const panel = page.getByRole("region", { name: "Запуск подбора" });
  await panel.getByText("Оптимальный", { exact: true }).click();
  await panel.getByText("Максимум совпадения", { exact: true }).click();
  if (!(await panel.getByRole("radio", { name: "Оптимальный" }).isChecked())) throw new Error("«Оптимальный» is not chosen");
  await panel.getByRole("radio", { name: "Использовать настройки программы" }).check();
  await panel.getByText(`Наибольшая возможная оценка пары: ${max}`).waitFor();
  await panel.getByRole("button", { name: "Запустить подбор" }).click();

  // The new run opens: its id is in the address.
  await page.waitForURL((url) => Number(url.searchParams.get("run")) > trialRun);
  const runId = Number(new URL(page.url()).searchParams.get("run"));
  await page.getByRole("heading", { name: new RegExp(`^Подбор № ${runId} от`) }).waitFor();
  await page.getByText("Оптимальный · Максимум совпадения", { exact: false }).first().waitFor();

  // Proposals: each with a score bar out of the maximum and its reasons in Russian.
  const proposals = page
    .getByRole("list", { name: /^Предложенные пары/ })
    .getByRole("listitem")
    .filter({ has: page.getByRole("progressbar", { name: /^оценка \d+ из \d+/ }) });
  await proposals.first().waitFor();
  const count = await proposals.count();
  const first = proposals.first();
  const bar = first.getByRole("progressbar", { name: /^оценка \d+ из \d+/ });
  if ((await bar.getAttribute("aria-valuemax")) !== String(max)) {
    throw new Error(`the score bar's maximum is ${await bar.getAttribute("aria-valuemax")}, not ${max}`);
  }
  const barLabel = await bar.getAttribute("aria-label");
  if (!new RegExp(`^оценка \\d+ из ${max}`).test(barLabel)) throw new Error(`the score bar reads «${barLabel}»`);
  const reasons = await first.getByRole("list", { name: /^Почему предложена пара/ }).innerText();
  if (!/совпали запросы|запросы не совпали|в запросе нет тегов/.test(reasons)) throw new Error(`no request reason: «${reasons}»`);
  if (!/наставник на \d+ класс|наставник из того же класса|класс неизвестен/.test(reasons)) {
    throw new Error(`no grade reason: «${reasons}»`);
  }

  // Two runs side by side: the chart and the differences.
  const comparison = page.getByRole("region", { name: "Сравнение запусков" });
  await comparison.getByRole("figure", { name: new RegExp(`^Сравнение подборов № ${runId} и № \\d+$`) }).waitFor();
  await comparison.getByRole("status").filter({ hasText: /Различаются: \d+/ }).waitFor();

  // The whole run fits a phone screen.
  await fitsPhone(page);

  // Accept every proposal: all are ticked by default.
  const accept = page.getByRole("button", { name: `Принять выбранные (${count})` });
  await accept.click();
  const result = page.getByRole("status").filter({ hasText: /Составлено пар и групп: \d+/ });
  await result.waitFor();
  const pairs = (await api.all(`/programs/${programme.id}/pairs`)).filter((p) => p.matching_run_id === runId);
  if (pairs.length === 0) throw new Error("the run's accepted proposals made no pair");
  await result.getByText(`Составлено пар и групп: ${pairs.length}`).waitFor();
  const names = pairs.map((p) => `${p.mentor.name} и ${p.mentees.map((m) => m.name).join(", ")}`);
  for (const name of names) await result.getByText(name, { exact: false }).first().waitFor();
  await page.getByRole("button", { name: `Принять выбранные` }).waitFor({ state: "detached" });

  // To the pairs: the new ones are proposed; select them and sign the order.
  await result.getByRole("link", { name: "Перейти к парам и группам" }).click();
  await page.getByRole("tab", { name: "Пары и группы", selected: true }).waitFor();
  const table = page.getByRole("table", { name: "Пары и группы программы" });
  const rowOf = (pair) => table.locator(`tr[data-pair-id="${pair.id}"]`);
  for (const [i, pair] of pairs.entries()) {
    await rowOf(pair).getByText("предложена", { exact: true }).waitFor();
    await rowOf(pair).getByRole("checkbox", { name: `Включить в приказ: ${names[i]}`, exact: true }).check();
  }
  await page.getByText(`Выбрано для приказа: ${pairs.length}`).waitFor();
  await page.getByRole("button", { name: "Подписать приказ" }).click();
  const orderDialog = page.getByRole("dialog", { name: "Приказ об утверждении наставнических пар/групп" });
  const number = `${Date.now() % 100_000}-п`;
  await orderDialog.getByLabel("Номер приказа").fill(number);
  const signatory = orderDialog.getByLabel("Подписал");
  if (!(await signatory.inputValue())) await signatory.fill("Директор Н. П. Сидорова");
  await orderDialog.getByRole("button", { name: "Подписать приказ" }).click();
  await page.waitForURL(/\/orders\/\d+\/print$/);
  await page.getByRole("heading", { level: 1, name: new RegExp(`^Приказ № ${escape(number)} от`) }).waitFor();
  const orderRows = page.getByRole("table", { name: "Приказ" }).getByRole("row");
  for (const pair of pairs) await orderRows.filter({ hasText: pair.mentor.name }).first().waitFor();

  // Back to the pairs: approved by the order, then started, one by one.
  await page.goBack();
  await page.getByRole("tab", { name: "Пары и группы", selected: true }).waitFor();
  for (const [i, pair] of pairs.entries()) {
    const row = rowOf(pair);
    await row.getByText("утверждена", { exact: true }).waitFor();
    await row.getByText(`№ ${number} от`).waitFor();
    await row.getByRole("button", { name: `Начать работу: ${names[i]}`, exact: true }).click();
    await row.getByText("работает", { exact: true }).waitFor();
  }
  console.log(`     ${made ? "a ready pair enrolled by the setup; " : ""}run № ${runId}: ${count} proposals, ${pairs.length} pairs, order № ${number}, started`);
}

// The matching board must fit a phone screen: cards and stacked choices instead of wide rows.
async function fitsPhone(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Открыть меню" }).waitFor();
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the matching board is ${overflow}px wider than a phone screen`);
  await page.setViewportSize({ width: 1280, height: 800 });
}
