// Entry point of the /ask/ page: reads the build's data, starts the form; the hand-off loads with
// the form's later modules (see ask-form.js).
import { initAskForm } from "./ask-form.js";
import { pageSettings } from "./page-settings.js";

const root = document.querySelector("[data-triage]");
if (root) {
  const data = JSON.parse(document.getElementById("triage-data").textContent);
  initAskForm(root, data, {
    // the settings (the hand-off reads them) come with the hand-off's code, not after it
    later: (form) => Promise.all([import("./chat-handoff.js"), pageSettings()])
      .then(([{ initHandoff }]) => initHandoff(root.querySelector("[data-triage-handoff]"), form)),
  });
}
