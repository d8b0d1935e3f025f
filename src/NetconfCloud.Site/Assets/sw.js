// NetconfCloud attendee pages offline: a service worker that keeps what the visitor has seen (the agenda's day pages,
// the talk and speaker pages visited, the stylesheet and script) and serves it when there is no network. Pages are
// asked of the network first, so they refresh whenever it is back; assets come from the cache and are refreshed
// behind. Picks stay in the page's localStorage as before. Only GET requests of our own origin are kept.
// Pages come in the visitor's language (they vary by Accept-Language and the hl cookie): an address keeps the page last
// seen there, so offline it reads as it did online. The page saying "offline" is written in the language of the page
// seen last, with the texts that page gave (this file holds no text of its own).
"use strict";
var CACHE = "netconfcloud-v2";
var scope = self.registration.scope;
var offlinePage = new URL("assets/offline.html", scope).href;
var assets = ["assets/site.css", "assets/picks.js", "assets/manifest.webmanifest", "assets/icon.svg"].map(function (path) { return new URL(path, scope).href; });

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(assets); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function keep(request, response) {
  if (response && response.ok && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) {
      return cache.delete(request, { ignoreVary: true }).then(function () { return cache.put(request, copy); });
    });
  }
  return response;
}

// Pages are revalidated with the server (a 304 costs little) rather than taken from the browser's HTTP cache, so that
// a page comes back fresh the moment the network does.
function fromNetwork(request) {
  return fetch(request.url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) { return keep(request, response); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin || request.url.indexOf(scope) !== 0) { return; }
  if (assets.indexOf(request.url) >= 0) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (cached) {
      var fresh = fromNetwork(request).catch(function () { return cached; });
      return cached || fresh;
    }));
    return;
  }
  event.respondWith(fromNetwork(request).catch(function () {
    return caches.match(request, { ignoreVary: true }).then(function (cached) {
      return cached || caches.match(offlinePage).then(function (offline) { return offline || Response.error(); });
    });
  }));
});

function escape(text) {
  return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]; });
}

// The offline page in the language of the page that sent its texts.
function keepOfflinePage(offline) {
  if (!offline || !offline.title || !/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(offline.lang || "")) { return Promise.resolve(); }
  var html = "<!doctype html><html lang=\"" + offline.lang + "\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
    "<title>" + escape(offline.title) + "</title><h1>" + escape(offline.title) + "</h1><p>" + escape(offline.text) + "</p></html>";
  return caches.open(CACHE).then(function (cache) {
    return cache.put(offlinePage, new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } }));
  });
}

// The conference page names its other days: keep them too, so the whole agenda is there offline.
self.addEventListener("message", function (event) {
  var urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  event.waitUntil(Promise.all(urls.filter(function (url) { return typeof url === "string" && url.indexOf(scope) === 0; })
    .map(function (url) { return fromNetwork(new Request(url)).catch(function () { return null; }); }))
    .then(function () { return keepOfflinePage(event.data && event.data.offline); }));
});
