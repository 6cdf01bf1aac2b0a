# Sourced by demo.sh and test.sh: installs bubblewrap (student code is graded inside it)
# and makes .venv with the packages of the given requirements file and rnn_utils installed
# in editable mode. Reinstalls only when those files changed.
set -euo pipefail
requirements="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

missing=""
for tool in bwrap setpriv prlimit; do
  command -v "$tool" >/dev/null || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing bubblewrap and util-linux (missing:$missing)" >&2
    apt-get update -qq && apt-get install -y -qq bubblewrap util-linux procps >/dev/null
  else
    echo "missing:$missing. Install them (Debian/Ubuntu: sudo apt-get install bubblewrap util-linux)," >&2
    echo "then run this again: autograding confines student code with them." >&2
    exit 1
  fi
fi
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
  echo "creating $venv" >&2
  python3 -m venv "$venv"
fi
stamp="$venv/.installed-$(basename "$requirements")"
wanted="$(cat "$root/$requirements" "$root/requirements.txt" "$root/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "installing $requirements into $venv (a few minutes the first time)" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$root/$requirements"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$root"
  echo "$wanted" > "$stamp"
fi
export PATH="$venv/bin:$PATH"
cd "$root"
