// Runs every browser journey (*.journey.mjs) against the real server at NASTAVNIK_E2E_URL,
// each in a fresh Chromium profile, and saves a screenshot per journey to test-results/.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./support.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = resolve(here, "../test-results");
const baseUrl = process.env.NASTAVNIK_E2E_URL;
const executablePath = CHROMIUM_PATH;
const only = process.argv[2];

if (!baseUrl) {
  console.error("e2e: set NASTAVNIK_E2E_URL to the running server, e.g. http://127.0.0.1:18080");
  console.log("e2e: 0 passed, 1 failed");
  process.exit(1);
}

const journeys = readdirSync(here)
  .filter((file) => file.endsWith(".journey.mjs") && (!only || file.includes(only)))
  .sort();
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
for (const file of journeys) {
  const name = file.replace(/\.journey\.mjs$/, "");
  const { default: journey, viewport } = await import(pathToFileURL(join(here, file)).href);
  const profile = mkdtempSync(join(tmpdir(), "nastavnik-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: viewport ?? { width: 1280, height: 800 },
    locale: "ru-RU",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const started = Date.now();
  try {
    await journey(page, { baseUrl: baseUrl.replace(/\/$/, "") });
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name} (${Date.now() - started} ms)\n     ${String(error?.stack ?? error).split("\n").join("\n     ")}`);
  } finally {
    await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true }).catch(() => {});
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || journeys.length === 0 ? 1 : 0);
