// Keyboard shortcuts; every page works without this file.
// 1-4 (or a-d) pick an answer, Enter or Space goes on to the next question.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) &&
      !/^(radio|checkbox)$/.test(target.type));
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var key = event.key.toLowerCase();
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
    if (key === "enter" || key === " ") {
      var next = document.querySelector("[data-next]");
      if (next && event.target !== next) { event.preventDefault(); next.click(); }
    }
  });
  var focus = document.querySelector("[data-autofocus]");
  if (focus) { focus.focus(); }
})();
