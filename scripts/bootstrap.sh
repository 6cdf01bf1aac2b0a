# Sourced by demo.sh and test.sh: makes .venv with the packages of the given requirements
# file and this repository installed in editable mode. Reinstalls only when that file changed.
set -euo pipefail
requirements="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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
