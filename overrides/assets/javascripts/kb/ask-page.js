// Entry point of the /ask/ page: reads the build's data, starts the form; the hand-off loads with
// the form's later modules (see ask-form.js).
import { initAskForm } from "./ask-form.js";

const root = document.querySelector("[data-triage]");
if (root) {
  const data = JSON.parse(document.getElementById("triage-data").textContent);
  const support = JSON.parse(document.getElementById("kb-support").textContent);
  initAskForm(root, data, {
    later: (form) => import("./chat-handoff.js")
      .then(({ initHandoff }) => initHandoff(root.querySelector("[data-triage-handoff]"), form, support)),
  });
}
