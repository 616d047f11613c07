// Tells the server the browser's time zone, so that a student's days (daily limits, streak, calendar) are
// their own. Fills the hidden field of the log-in and registration forms and, for a student whose zone is not
// known yet, chooses it in the settings list. Without this file the days stay UTC until the student chooses.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) { return; }
  var fields = document.querySelectorAll("[data-browser-time-zone]");
  for (var i = 0; i < fields.length; i += 1) {
    var field = fields[i];
    if (field.tagName === "SELECT") {
      for (var j = 0; j < field.options.length; j += 1) {
        if (field.options[j].value === zone) { field.value = zone; break; }
      }
    } else if (!field.value) {
      field.value = zone;
    }
  }
})();
