// Start GOV.UK Frontend components. Loaded as a module file so the CSP needs no inline script.
import { initAll } from "/static/dist/govuk-frontend.min.js";

initAll();
