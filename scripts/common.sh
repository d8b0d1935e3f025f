# Shared by ./run and ./test: tools the repository installs for itself.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required (${2})" >&2; exit 1; }
}

# npm packages pinned in package-lock.json (Azurite, ical.js), installed again only when the lock changes.
ensure_npm_tools() {
  need node "install Node.js 20 or later"
  need npm "it comes with Node.js"
  local stamp="$repo_root/node_modules/.package-lock.sha"
  local want
  want="$(sha256sum "$repo_root/package-lock.json" | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    say "Installing npm tools (Azurite, ical.js)"
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

ensure_dotnet() {
  need dotnet "install the .NET 10 SDK"
}

# Debian's Chromium for the browser tests (Playwright for .NET drives it; Playwright's own browser download is not
# used). Installed with apt when missing; CHROMIUM_PATH names another Chromium.
ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [[ -x "$chromium" ]] && return 0
  need apt-get "the browser tests need Chromium: install it, or set CHROMIUM_PATH"
  local sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  say "Installing Chromium (Debian package) for the browser tests"
  $sudo apt-get install -y -qq chromium >/dev/null 2>&1 || {
    $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq chromium >/dev/null
  }
  [[ -x "$chromium" ]] || { echo "error: Chromium did not install at $chromium" >&2; exit 1; }
}

# ConfClerk (Debian's Qt conference app, a real reader of our frab schedule.xml), run by the FeedFunctions tests on
# an Xvfb display and driven with xdotool. Installed with apt when missing; once it is here the tests must run it
# (NETCONF_REQUIRE_CONFCLERK=1), so a missing tool fails them instead of skipping them.
ensure_confclerk() {
  local missing=()
  command -v confclerk >/dev/null 2>&1 || missing+=(confclerk)
  command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
  command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
  if ((${#missing[@]} > 0)); then
    need apt-get "the ConfClerk test needs ${missing[*]}: install them"
    local sudo=""
    [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
    say "Installing ${missing[*]} (Debian packages) for the ConfClerk test"
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
      $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    }
    command -v confclerk >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1 ||
      { echo "error: ${missing[*]} did not install" >&2; exit 1; }
  fi
  export NETCONF_REQUIRE_CONFCLERK=1
}

# The storage fault tests read the service's statuses with Python's grpcio too (Debian's python3-grpcio).
ensure_python_grpc() {
  if ! /usr/bin/python3 -c "import grpc" >/dev/null 2>&1; then
    need apt-get "the storage fault tests need python3-grpcio: install it"
    local sudo=""
    [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
    say "Installing python3-grpcio (Debian package) for the storage fault tests"
    $sudo apt-get install -y -qq python3-grpcio >/dev/null 2>&1 || {
      $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq python3-grpcio >/dev/null
    }
    /usr/bin/python3 -c "import grpc" >/dev/null 2>&1 || { echo "error: python3-grpcio did not install" >&2; exit 1; }
  fi
}

# Python's feedparser (Debian python3-feedparser), the independent Atom parser the FeedFunctions tests read our change
# feed with (the test uses python3 on the PATH, else Debian's /usr/bin/python3). Installed with apt when missing; once it is here the tests must run it (NETCONF_REQUIRE_FEEDPARSER=1).
feedparser_here() {
  python3 -c "import feedparser" >/dev/null 2>&1 || /usr/bin/python3 -c "import feedparser" >/dev/null 2>&1
}

ensure_feedparser() {
  if ! feedparser_here; then
    need apt-get "the Atom feed test needs python3-feedparser: install it"
    local sudo=""
    [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
    say "Installing python3-feedparser (Debian package) for the Atom feed test"
    $sudo apt-get install -y -qq python3-feedparser >/dev/null 2>&1 || {
      $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq python3-feedparser >/dev/null
    }
    feedparser_here || { echo "error: python3-feedparser did not install" >&2; exit 1; }
  fi
  export NETCONF_REQUIRE_FEEDPARSER=1
}
