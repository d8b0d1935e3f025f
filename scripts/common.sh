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
