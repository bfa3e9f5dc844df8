// Copy buttons: copy the text of the element named by data-copy-target and say so.
// Loaded as a file (the Content-Security-Policy forbids inline script).
(function () {
  "use strict";
  function announce(button, message) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = message;
    // A changed button label is not read out by every screen reader: the page's status line is.
    var status = document.getElementById("copy-status");
    if (status) { status.textContent = message === "Copied" ? original.replace(/^Copy /, "") + " copied" : message; }
    setTimeout(function () { button.textContent = original; }, 2000);
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) { return; }
    var text = target.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { announce(button, "Copied"); },
        function () { announce(button, fallbackCopy(text) ? "Copied" : "Select and copy"); });
    } else {
      announce(button, fallbackCopy(text) ? "Copied" : "Select and copy");
    }
  });
  // On a phone the filter panel sits above the results: start it closed so the results show first,
  // one tap away ("Filter"). Without script it stays open, which still works.
  var panel = document.querySelector("details.filter-panel");
  if (panel && window.matchMedia && window.matchMedia("(max-width: 720px)").matches) {
    panel.removeAttribute("open");
  }
  // A passage linked to from a citation is highlighted; bring it into view with focus for keyboards.
  var hash = window.location.hash;
  if (hash && hash.indexOf("#p-") === 0) {
    var el = document.getElementById(hash.slice(1));
    if (el) { el.classList.add("targeted"); el.focus({ preventScroll: false }); }
  }
})();
