// A counting reverse proxy between the schedule service and Azurite, on loopback only: every request the service
// makes to storage passes through it and is counted by kind. GET /_counter answers the counts as JSON (not forwarded).
//   node bench/storage-counter.mjs --listen PORT --target PORT [--max-seconds 1800]
import http from "node:http";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const listen = Number(args.listen);
const target = Number(args.target);
const maxSeconds = Number(args["max-seconds"] ?? 1800);
if (!listen || !target) {
  console.error("usage: storage-counter.mjs --listen PORT --target PORT [--max-seconds N]");
  process.exit(2);
}

const counts = { total: 0, changeLog: 0, conferenceRow: 0, write: 0, other: 0 };

// The request's kind, from its method and its decoded path and filter (the row keys of src/NetconfCloud.Schedule.Storage).
function kind(req) {
  let url = req.url;
  try {
    url = decodeURIComponent(url);
  } catch {
    // Counted as it came.
  }
  if (req.method === "GET" && url.includes("RowKey gt 'change:")) return "changeLog";
  if (req.method === "GET" && url.includes("RowKey='conference'")) return "conferenceRow";
  if (req.method !== "GET") return "write";
  return "other";
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const server = http.createServer((req, res) => {
  if (req.url === "/_counter") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(counts));
    return;
  }

  counts.total++;
  counts[kind(req)]++;
  const upstream = http.request(
    { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    if (!res.headersSent) {
      res.writeHead(502, { "content-type": "text/plain" });
    }
    res.end(String(error));
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 120_000;
server.listen(listen, "127.0.0.1", () => console.log(`storage counter listening on 127.0.0.1:${listen}, forwarding to 127.0.0.1:${target}`));

// Bounded in time, whatever happens to whoever started it.
setTimeout(() => {
  console.error(`storage counter: ${maxSeconds} s passed, stopping`);
  process.exit(1);
}, maxSeconds * 1000).unref();
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
