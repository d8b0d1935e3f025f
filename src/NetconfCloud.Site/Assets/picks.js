// NetconfCloud attendee pages: progressive enhancement only (everything works without it). No dependencies, no inline
// code: the pages' Content-Security-Policy allows only this file. Remembers the talks ticked for "My agenda" in
// localStorage per conference, shows their count on the button, links the visitor's own agenda page once made,
// and copies calendar addresses.
(function () {
  "use strict";
  var holder = document.querySelector("[data-conference]");
  if (!holder) { return; }
  var conference = holder.getAttribute("data-conference");
  var picksKey = "netconfcloud:" + conference + ":picks";
  var myKey = "netconfcloud:" + conference + ":my";

  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function write(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: nothing kept */ } }

  // The personal agenda page says where it is; remember it (it is the visitor's only key).
  var my = document.body.getAttribute("data-my-agenda");
  if (my) { write(myKey, my); }

  var form = document.getElementById("my-agenda");
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[type="checkbox"][form="my-agenda"]'));
  if (form && boxes.length > 0) {
    var saved = {};
    try { (JSON.parse(read(picksKey) || "[]") || []).forEach(function (id) { saved[id] = true; }); } catch (e) { saved = {}; }
    boxes.forEach(function (box) { if (saved[box.value]) { box.checked = true; } });
    var button = form.querySelector('button[type="submit"]');
    var label = button ? button.textContent : "";
    var update = function () {
      var picked = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      write(picksKey, JSON.stringify(picked));
      if (button) { button.textContent = picked.length > 0 ? label + " (" + picked.length + (picked.length === 1 ? " talk)" : " talks)") : label; }
    };
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }

  var existing = document.getElementById("my-agenda-existing");
  var mine = read(myKey);
  if (existing && mine && /^https?:\/\//.test(mine)) {
    existing.textContent = "You already have an agenda for this conference: ";
    var link = document.createElement("a");
    link.href = mine;
    link.rel = "noreferrer";
    link.textContent = "open my agenda";
    existing.appendChild(link);
    existing.appendChild(document.createTextNode("."));
    existing.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("button.copy[data-copy]"), function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { button.textContent = "Copied"; window.setTimeout(function () { button.textContent = "Copy"; }, 2000); };
      var fallback = function () { field.focus(); field.select(); try { if (document.execCommand("copy")) { done(); } } catch (e) { /* selected: the visitor copies */ } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
