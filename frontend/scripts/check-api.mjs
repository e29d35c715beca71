// Fails when src/api/schema.d.ts no longer matches ../openapi.yaml, so CI catches a
// service change that the SPA's types have not followed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const spec = resolve(root, "../openapi.yaml");
const committed = join(root, "src/api/schema.d.ts");

if (!existsSync(spec)) {
  console.error(`check:api: ${spec} does not exist; the service writes it.`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "nastavnik-schema-"));
const fresh = join(dir, "schema.d.ts");
try {
  execFileSync(join(root, "node_modules/.bin/openapi-typescript"), [spec, "-o", fresh], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
    console.error(
      "check:api: src/api/schema.d.ts is out of date with ../openapi.yaml.\n" +
        "Run `npm run gen:api` in frontend/ and commit the result.",
    );
    process.exit(1);
  }
  console.log("check:api: src/api/schema.d.ts matches ../openapi.yaml");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
