// Material's search box searches when a key is released (keyup) only: text pasted (long press ->
// paste on a phone), dropped, autofilled or entered by a keyboard that sends no key events starts
// no search. Every change of the box's value is passed on to Material as a key release; Material
// searches a value only once, so a real key release after it costs nothing.
const BOX = "input.md-search__input";

for (const type of ["input", "change"])
  document.addEventListener(type, (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches(BOX))
      event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }, true);
