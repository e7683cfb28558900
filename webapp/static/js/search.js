// Autocomplete for the header search box: asks /api/search as you type, shows entities (not HTML) below the box.
(function () {
  "use strict";

  function attach(input) {
    var form = input.form;
    var list = document.createElement("ul");
    list.className = "autocomplete";
    list.setAttribute("role", "listbox");
    list.id = "autocomplete-" + Math.random().toString(36).slice(2);
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    var timer = null, active = -1, latest = 0;

    function close() { list.hidden = true; list.textContent = ""; active = -1; }

    function render(hits) {
      list.textContent = "";
      active = -1;
      hits.forEach(function (hit) {
        var item = document.createElement("li");
        item.setAttribute("role", "option");
        var link = document.createElement("a");
        link.href = hit.url;
        link.textContent = hit.label;
        item.appendChild(link);
        var meta = document.createElement("span");
        meta.className = "muted";
        var extra = hit.type || "";
        if (hit.matched && hit.matched !== hit.label) { extra = "“" + hit.matched + "”" + (extra ? " · " + extra : ""); }
        meta.textContent = extra ? " " + extra : "";
        item.appendChild(meta);
        list.appendChild(item);
      });
      list.hidden = hits.length === 0;
    }

    function lookup() {
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      var ticket = ++latest;
      fetch("/api/search?limit=8&q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) { if (ticket === latest) { render(hits); } })
        .catch(function () { close(); });
    }

    function move(step) {
      var items = list.querySelectorAll("li");
      if (!items.length) { return; }
      if (active >= 0) { items[active].classList.remove("active"); }
      active = (active + step + items.length) % items.length;
      items[active].classList.add("active");
      input.setAttribute("aria-activedescendant", "");
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 150);
    });
    input.addEventListener("keydown", function (evt) {
      if (evt.key === "ArrowDown") { evt.preventDefault(); move(1); }
      else if (evt.key === "ArrowUp") { evt.preventDefault(); move(-1); }
      else if (evt.key === "Escape") { close(); }
      else if (evt.key === "Enter" && active >= 0) {
        var link = list.querySelectorAll("li a")[active];
        if (link) { evt.preventDefault(); window.location.assign(link.getAttribute("href")); }
      }
    });
    document.addEventListener("click", function (evt) { if (!form.contains(evt.target)) { close(); } });
  }

  function init() {
    var inputs = document.querySelectorAll("form.search input[type=search]");
    Array.prototype.forEach.call(inputs, attach);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
