#!/usr/bin/env bash
# Install what the tests need and run the whole suite. Arguments go to pytest.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh" requirements-test.txt
status=0
python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no test: that is a failure" >&2
fi
exit "$status"
