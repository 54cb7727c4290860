// Copies the distributable files of the npm dependencies into wwwroot/lib.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(root, "wwwroot", "lib");
const files = [
  ["bootstrap/dist/css/bootstrap.min.css", "bootstrap/bootstrap.min.css"],
  ["bootstrap/dist/js/bootstrap.bundle.min.js", "bootstrap/bootstrap.bundle.min.js"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["echarts/dist/echarts.min.js", "echarts/echarts.min.js"],
  ["axe-core/axe.min.js", "axe-core/axe.min.js"],
];
for (const [from, to] of files) {
  mkdirSync(dirname(join(lib, to)), { recursive: true });
  cpSync(join(root, "node_modules", from), join(lib, to));
}
writeFileSync(join(lib, ".vendored"), new Date().toISOString());
