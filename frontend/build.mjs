// Builds static/dist/ from the pinned npm packages: CSS from Sass, GOV.UK JS and assets copied.
// Nothing is fetched from a CDN at run time; whitenoise serves these files.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const out = join(root, "static", "dist");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = sass.compile(join(root, "frontend", "main.scss"), {
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "mixed-decls", "slash-div"],
});
writeFileSync(join(out, "main.css"), result.css);
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(govuk, "assets"), join(out, "assets"), { recursive: true });
console.log("built static/dist");
