#!/usr/bin/env bash
# Install, regenerate release/, autograde the demo submissions, print the grade table.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh" requirements.txt
python -m instructor.demo "$@"
