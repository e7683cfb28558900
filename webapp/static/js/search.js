// Autocomplete for the header search box: asks /api/search as you type and offers entities below the box.
// ARIA 1.2 combobox pattern: the input is the combobox, the list a listbox of links with role=option; the
// highlighted choice is named by aria-activedescendant and marked aria-selected (not by a CSS class alone),
// and a polite status line says how many suggestions there are.
(function () {
  "use strict";

  var counter = 0;

  function attach(input) {
    var form = input.form;
    var id = "autocomplete-" + (++counter);
    var list = document.createElement("ul");
    list.className = "autocomplete";
    list.id = id;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    var timer = null, active = -1, latest = 0;

    function options() { return list.querySelectorAll("[role=option]"); }

    function select(index) {
      var items = options();
      Array.prototype.forEach.call(items, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function render(hits) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      hits.forEach(function (hit, i) {
        var item = document.createElement("li");
        item.setAttribute("role", "none");
        var link = document.createElement("a");
        link.id = id + "-" + i;
        link.href = hit.url;
        link.tabIndex = -1;  // the input keeps focus; arrows move the choice
        link.setAttribute("role", "option");
        link.setAttribute("aria-selected", "false");
        link.textContent = hit.label;
        item.appendChild(link);
        var extra = hit.type || "";
        if (hit.matched && hit.matched !== hit.label) { extra = "“" + hit.matched + "”" + (extra ? " · " + extra : ""); }
        if (extra) {
          var meta = document.createElement("span");
          meta.className = "muted";
          meta.id = link.id + "-meta";
          meta.textContent = " " + extra;
          link.setAttribute("aria-describedby", meta.id);
          item.appendChild(meta);
        }
        list.appendChild(item);
      });
      list.hidden = hits.length === 0;
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
      status.textContent = hits.length ? hits.length + " suggestion" + (hits.length === 1 ? "" : "s") +
        ", use the up and down arrows to choose" : "No suggestions";
    }

    function lookup() {
      var text = input.value.trim();
      if (text.length < 2) { close(); status.textContent = ""; return; }
      var ticket = ++latest;
      fetch("/api/search?limit=8&q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) { if (ticket === latest) { render(hits); } })
        .catch(function () { close(); });
    }

    function move(step) {
      var count = options().length;
      if (!count) { return; }
      select((active + step + count) % count);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 150);
    });
    input.addEventListener("keydown", function (evt) {
      if (evt.key === "ArrowDown") { evt.preventDefault(); if (list.hidden) { lookup(); } else { move(1); } }
      else if (evt.key === "ArrowUp") { evt.preventDefault(); move(-1); }
      else if (evt.key === "Escape") { close(); }
      else if (evt.key === "Enter" && active >= 0) {
        var link = options()[active];
        if (link) { evt.preventDefault(); window.location.assign(link.getAttribute("href")); }
      }
    });
    list.addEventListener("mousemove", function (evt) {
      var option = evt.target.closest ? evt.target.closest("[role=option]") : null;
      if (option) { select(Array.prototype.indexOf.call(options(), option)); }
    });
    document.addEventListener("click", function (evt) { if (!form.contains(evt.target)) { close(); } });
    input.addEventListener("blur", function () {
      // Let a click on a suggestion land before the list goes away.
      setTimeout(function () { if (!form.contains(document.activeElement)) { close(); } }, 200);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("form.search input[type=search]");
    Array.prototype.forEach.call(inputs, attach);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
