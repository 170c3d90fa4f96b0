/* The site's search, offline: it reads the index the site carries (search-index.js sets
   window.EACHECK_SEARCH = [[kind, id, name, folded name and id, page], ...]) and lists the
   matches as links. Text from the index is set with textContent, never as markup. Names are
   folded as eacheck folds them (lower case, marks removed: "lön" and "lon" meet), and every
   word of the query must occur. Words on the page come from the page's data attributes, in
   the site's language. The arrow keys move from the field through the results. */
(function () {
  "use strict";
  var LIMIT = 50;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var index = window.EACHECK_SEARCH || [];
  var language = document.documentElement.lang || "sv";

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function rank(entry, query) {
    var id = entry[1], name = fold(entry[2]);
    if (id === query || name === query) { return 0; }
    if (id.indexOf(query) === 0 || name.indexOf(query) === 0) { return 1; }
    if (name.indexOf(" " + query) >= 0 || id.indexOf("-" + query) >= 0) { return 2; }
    return 3;
  }

  function find(text) {
    var query = fold(text).trim().replace(/\s+/g, " ");
    if (!query) { return null; }
    var words = query.split(" ");
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var entry = index[i], all = true;
      for (var w = 0; w < words.length; w++) {
        if (entry[3].indexOf(words[w]) < 0) { all = false; break; }
      }
      if (all) { found.push([rank(entry, query), i, entry]); }
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return found.map(function (item) { return item[2]; });
  }

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  function show(text) {
    var found = find(text);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (found === null) {
      status.textContent = text ? status.getAttribute("data-empty") : "";
      return;
    }
    var count = found.length.toLocaleString(language);
    var message = found.length === 0 ? status.getAttribute("data-none")
      : say(status.getAttribute(found.length === 1 ? "data-one" : "data-many"), {n: count});
    if (found.length > LIMIT) {
      message += " " + say(status.getAttribute("data-more"), {shown: LIMIT.toLocaleString(language)});
    }
    status.textContent = message;
    found.slice(0, LIMIT).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry[4];
      link.textContent = entry[2];
      var what = document.createElement("span");
      what.className = "kind";
      what.textContent = list.getAttribute("data-" + entry[0]) + " · " + entry[1];
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(what);
      list.appendChild(item);
    });
  }

  // The arrow keys move between the field and the results (as in a list of suggestions);
  // Tab and Enter work as on any link.
  function move(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) { return; }
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
    event.preventDefault();
    (next < 0 ? input : links[next]).focus();
  }
  input.addEventListener("keydown", move);
  list.addEventListener("keydown", move);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    var header = document.getElementById("site-search");
    if (header) { header.value = asked; }
    show(asked);
    // Arriving from the search box of another page: the cursor stays in the search, so the
    // arrow keys (or Tab) reach the results at once.
    input.focus();
  }
}());
