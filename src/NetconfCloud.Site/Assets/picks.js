// NetconfCloud attendee pages: progressive enhancement only (everything works without it). No dependencies, no inline
// code: the pages' Content-Security-Policy allows only this file. Remembers the talks ticked for "My agenda" in
// localStorage per conference (across its pages), shows their count, links the visitor's own agenda page once made,
// filters the loaded page as one types, and copies calendar addresses. What it writes comes in the page's language
// from the server's text table, as data- attributes of the body.
(function () {
  "use strict";
  var body = document.body;
  function text(name) { return body.getAttribute("data-" + name) || ""; }
  // Offline: the service worker next to this script looks after every page below the API root; the conference page
  // asks it to keep the other days too, so the whole agenda is on the device once one day was seen.
  var script = document.currentScript;
  if ("serviceWorker" in navigator && script && script.src && window.isSecureContext) {
    var root = script.src.replace(/assets\/picks\.js(\?.*)?$/, "");
    navigator.serviceWorker.register(root + "assets/sw.js", { scope: root }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var days = Array.prototype.map.call(document.querySelectorAll("nav.days a"), function (a) { return a.href; });
      // The page that says "offline" for a page never seen is written in the language of the page seen last.
      var offline = { lang: document.documentElement.lang, title: text("offline-title"), text: text("offline-text") };
      if (registration.active) { registration.active.postMessage({ keep: days, offline: offline }); }
    }).catch(function () { /* no offline copy: the pages work as before */ });
  }

  var holder = document.querySelector("[data-conference]");
  if (!holder) { return; }
  var conference = holder.getAttribute("data-conference");
  var picksKey = "netconfcloud:" + conference + ":picks";
  var myKey = "netconfcloud:" + conference + ":my";

  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function write(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: nothing kept */ } }

  // The personal agenda page says where it is; remember it (it is the visitor's only key).
  var my = body.getAttribute("data-my-agenda");
  if (my) { write(myKey, my); }

  // The personal agenda page shows what changed in its talks since a version (?since=): keep the version last seen
  // on the device, and when the agenda has moved on since, show what changed since then.
  var shownVersion = parseInt(document.body.getAttribute("data-agenda-version") || "0", 10);
  if (my && shownVersion > 0) {
    var seenKey = "netconfcloud:" + conference + ":seen-version";
    var lastSeen = parseInt(read(seenKey) || "0", 10);
    if (!/[?&]since=/.test(window.location.search) && lastSeen > 0 && lastSeen < shownVersion) {
      window.location.replace(window.location.pathname + "?since=" + lastSeen);
      return;
    }
    write(seenKey, String(shownVersion));
  }

  // Picks are kept for the whole conference (every day's page and every talk's page adds to the same list), so the
  // form sends them all: the ones not on this page go as hidden fields.
  var form = document.getElementById("my-agenda");
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[type="checkbox"][name="session"]'));
  var picks = [];
  try { picks = (JSON.parse(read(picksKey) || "[]") || []).filter(function (id) { return typeof id === "string"; }); } catch (e) { picks = []; }
  if (form) {
    var button = form.querySelector('button[type="submit"]');
    var label = button ? button.textContent : "";
    var show = function () {
      var n = picks.length;
      if (button) { button.textContent = n > 0 ? label + " (" + text(n === 1 ? "picked-one" : "picked-many").replace("{n}", String(n)) + ")" : label; }
    };
    boxes.forEach(function (box) {
      if (picks.indexOf(box.value) >= 0) { box.checked = true; } else if (box.checked) { picks.push(box.value); }
      box.addEventListener("change", function () {
        picks = picks.filter(function (id) { return id !== box.value; });
        if (box.checked) { picks.push(box.value); }
        write(picksKey, JSON.stringify(picks));
        show();
        if (filter) { filter(); }
      });
    });
    form.addEventListener("submit", function () {
      var here = {};
      boxes.forEach(function (box) { here[box.value] = true; });
      picks.forEach(function (id) {
        if (here[id]) { return; }
        var hidden = document.createElement("input");
        hidden.type = "hidden"; hidden.name = "session"; hidden.value = id;
        form.appendChild(hidden);
      });
    });
    show();
  }

  // The search form acts on the loaded page as one types (title, speakers, room, track of each card; the server's
  // search, on pressing Find, reads the abstracts too), and "Only my picks" shows the picked talks alone.
  var filter = null;
  var find = document.getElementById("find");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.session"));
  if (find && cards.length > 0) {
    var q = document.getElementById("find-q");
    var room = document.getElementById("find-room");
    var track = document.getElementById("find-track");
    var lang = document.getElementById("find-lang");
    var onlyMine = document.getElementById("find-mine");
    if (onlyMine && onlyMine.parentNode) { onlyMine.parentNode.hidden = false; }
    var fold = function (text) { return text.normalize ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase() : text.toLowerCase(); };
    var texts = cards.map(function (card) { return fold(card.textContent || ""); });
    filter = function () {
      var words = q ? fold(q.value).split(/\s+/).filter(function (w) { return w.length > 0; }) : [];
      cards.forEach(function (card, i) {
        var id = card.id.replace(/^session-/, "");
        var shown = words.every(function (w) { return texts[i].indexOf(w) >= 0; })
          && (!room || !room.value || card.getAttribute("data-room") === room.value)
          && (!track || !track.value || card.getAttribute("data-track") === track.value)
          && (!lang || !lang.value || (card.getAttribute("lang") || "").toLowerCase().indexOf(lang.value.toLowerCase()) === 0)
          && (!onlyMine || !onlyMine.checked || picks.indexOf(id) >= 0);
        card.classList.toggle("filtered-out", !shown);
      });
    };
    [q, room, track, lang, onlyMine].forEach(function (field) {
      if (field) { field.addEventListener(field === q ? "input" : "change", filter); }
    });
    filter();
  }

  // "Now and next" is a small page of its own, so that the day's page stays the same bytes all day (kept and
  // compressed once). Here its content replaces the link to it, and is read again every minute; without script, the
  // link opens that page.
  var nowLink = document.querySelector("#now a[data-now]");
  if (nowLink && window.fetch && window.DOMParser) {
    var nowSection = document.getElementById("now");
    var loadNow = function () {
      window.fetch(nowLink.href, { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.text() : Promise.reject(new Error(String(response.status)));
      }).then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html").getElementById("now-content");
        if (!fresh) { return; }
        var shown = document.getElementById("now-content");
        fresh = document.importNode(fresh, true);
        if (shown) { shown.parentNode.replaceChild(fresh, shown); } else { nowSection.appendChild(fresh); }
        nowLink.parentNode.hidden = true;
      }).catch(function () { /* the link stays: the visitor can open the page */ });
    };
    loadNow();
    window.setInterval(loadNow, 60000);
  }

  var existing = document.getElementById("my-agenda-existing");
  var mine = read(myKey);
  if (existing && mine && /^https?:\/\//.test(mine)) {
    existing.textContent = text("existing-agenda");
    var link = document.createElement("a");
    link.href = mine;
    link.rel = "noreferrer";
    link.textContent = text("open-my-agenda");
    existing.appendChild(link);
    existing.appendChild(document.createTextNode("."));
    existing.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("button.copy[data-copy]"), function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    var copy = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { button.textContent = text("copied"); window.setTimeout(function () { button.textContent = copy; }, 2000); };
      var fallback = function () { field.focus(); field.select(); try { if (document.execCommand("copy")) { done(); } } catch (e) { /* selected: the visitor copies */ } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
