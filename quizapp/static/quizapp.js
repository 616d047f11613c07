// Keyboard shortcuts; every page works without this file.
// 1-4 (or a-d) pick an answer, Enter or Space goes on to the next question.
// As in Anki: Ctrl+Z (or Cmd+Z) undoes the last rating, "-" buries the card, "@" suspends it.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) &&
      !/^(radio|checkbox)$/.test(target.type));
  }
  function press(selector, event) {
    var button = document.querySelector(selector);
    if (!button) { return false; }
    event.preventDefault();
    button.click();
    return true;
  }
  // Enter and Space belong to whatever control has the focus: a link is followed, a button pressed, a
  // disclosure opened. Only from the page itself (or the next button) do they go on.
  function control(target) {
    return target && target.closest &&
      target.closest("a[href], button, summary, input, select, textarea, label, [contenteditable]") !== null;
  }
  document.addEventListener("keydown", function (event) {
    if (typing(event.target)) { return; }
    var key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && key === "z") {
      press("[data-undo]", event);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (key === "-" && press("[data-bury]", event)) { return; }
    if (key === "@" && press("[data-suspend]", event)) { return; }
    var index = "1234".indexOf(key);
    if (index < 0) { index = "abcd".indexOf(key); }
    var choices = document.querySelectorAll("[data-choice]");
    if (index >= 0 && choices.length > index) {
      event.preventDefault();
      choices[index].click();
      return;
    }
    var rate = document.querySelector('[data-rating="' + key + '"]');
    if (rate) { event.preventDefault(); rate.click(); return; }
    // Enter and Space on a focused link, button or disclosure are its own (undo, bury, suspend among them).
    if (key === "enter" || key === " ") {
      var next = document.querySelector("[data-next]");
      if (!next) { return; }
      if (event.target === next) {
        // Enter follows the link by itself; Space on a link would only scroll the page.
        if (key === " ") { event.preventDefault(); next.click(); }
        return;
      }
      if (control(event.target)) { return; }
      event.preventDefault();
      next.click();
    }
  });
  var focus = document.querySelector("[data-autofocus]");
  if (focus) { focus.focus(); }
})();
