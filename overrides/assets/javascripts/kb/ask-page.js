// Entry point of the /ask/ page: reads the build's data, starts the form and its hand-off.
import { initAskForm } from "./ask-form.js";
import { initHandoff } from "./chat-handoff.js";

const root = document.querySelector("[data-triage]");
if (root) {
  const data = JSON.parse(document.getElementById("triage-data").textContent);
  const articles = JSON.parse(document.getElementById("triage-articles").textContent);
  const support = JSON.parse(document.getElementById("kb-support").textContent);
  const form = initAskForm(root, data, articles);
  initHandoff(root.querySelector("[data-triage-handoff]"), form, support);
}
