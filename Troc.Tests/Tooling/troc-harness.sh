#!/usr/bin/env bash
# ./troc with the steps that need the whole machine, or minutes, replaced, for TrocScriptTests:
#   - installing and starting PostgreSQL and Redis: the tests' services already run (in a worktree, another checkout's);
#   - the build: the tests run on the built binaries, which a build would rewrite under them;
#   - migrate and seed: the test's database is a migrated copy, and the demo photos take a minute to draw.
# Everything else is the script's own code: the services lock (in the state folder given first, so that the test has
# its own), `run` up to the exec of the server, `services up`.
# usage: troc-harness.sh STATE_DIR ./troc-arguments...
set -euo pipefail

state="$1"
shift
# shellcheck source=../../troc
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../troc"
T="$state"

ensure_packages() { :; }
ensure_pgvector() { :; }
pg_up() { say "postgres: the test's own"; }
pg_check() { :; }
redis_up() { say "redis: the test's own"; }
cmd_build() { say "build: already built"; }
graph() { say "$1: skipped"; }

main "$@"
