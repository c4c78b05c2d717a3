// Entry point of the /ask/ page: reads the build's data and starts the form.
import { initAskForm } from "./ask-form.js";

const root = document.querySelector("[data-triage]");
if (root) {
  const data = JSON.parse(document.getElementById("triage-data").textContent);
  const articles = JSON.parse(document.getElementById("triage-articles").textContent);
  initAskForm(root, data, articles);
}
