#!/bin/sh
# Runs the command it is given (tidings and its arguments) and maps its exit
# code for RDD.pipe(..., checkCode=True):
#
#   0    all records extracted                       -> 0
#   1    some records failed; each got an error line -> 0 (every line was written)
#   else a crash: 2 (fatal error), 101 (panic),      -> passed through, so the
#        128+N (killed by signal N), ...                Spark task and the job fail
#
# RDD.pipe starts the command with only the environment it is given, so this
# is POSIX sh and needs nothing from PATH; call it as `/bin/sh run_tidings.sh
# /abs/path/to/tidings extract --jsonl -q -`. If the program is not
# executable (a file shipped to a cluster with --files may lose the bit), a
# private executable copy is run instead.
set -u
if [ "$#" -lt 1 ]; then
    echo "usage: run_tidings.sh PROGRAM [ARG...]" >&2
    exit 2
fi
prog=$1
shift
if [ ! -x "$prog" ] && [ -f "$prog" ]; then
    tmp=${TMPDIR:-/tmp}/run_tidings.$$
    /bin/mkdir -p "$tmp" && /bin/cp "$prog" "$tmp/prog" && /bin/chmod 700 "$tmp/prog" || exit 126
    trap '/bin/rm -rf "$tmp"' EXIT
    prog=$tmp/prog
fi
"$prog" "$@"
rc=$?
if [ "$rc" -eq 1 ]; then
    exit 0
fi
exit "$rc"
