// The article page: a quote split into pieces (across table cells, list items or other quotes) has its
// anchor on the first piece only; when a link opens it (#q-BEGIN-END), highlight every piece.
(function () {
  "use strict";

  function highlight() {
    Array.prototype.forEach.call(document.querySelectorAll("mark.targeted"), function (m) { m.classList.remove("targeted"); });
    var anchor = window.location.hash.slice(1);
    if (!/^q-\d+-\d+$/.test(anchor)) { return; }
    var first = document.getElementById(anchor);
    if (first) { first.classList.add("targeted"); }
    Array.prototype.forEach.call(document.querySelectorAll("mark[data-quote='" + anchor + "']"), function (m) {
      m.classList.add("targeted");
    });
  }

  window.addEventListener("hashchange", highlight);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", highlight); } else { highlight(); }
})();
