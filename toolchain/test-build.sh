#!/bin/sh
# toolchain/test-build.sh — `make test-build`: the build itself is right.
# In a throwaway copy of the checkout, with temporary build folders:
#   1. `make CFLAGS="-O1 -g"` builds the kiosk and every test program;
#   2. `make -j2 CC=clang CFLAGS="-O1 -g"` builds the kiosk and every test
#      program (another compiler, in parallel; `make test-sanitize` runs the
#      tests built by clang with the sanitizers and CFLAGS given, so the
#      required flags surviving CFLAGS is tested there, in one whole run);
#   3. after `make -j2`, a second `make` has nothing left to compile;
#   4. touching one header rebuilds exactly the objects that include it;
#   5. changing CFLAGS rebuilds every object, and the same flags again nothing.
# Ends with "N passed, N failed". Usage: sh toolchain/test-build.sh
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
MAKE=${MAKE:-make}
HEADER=${OV_TEST_BUILD_HEADER:-firmware/platform/wav.h}
T=$(mktemp -d "${TMPDIR:-/tmp}/ov-test-build.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'rm -rf "$T"; exit 130' INT TERM HUP
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "PASS: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }

# The checkout as it is now (committed or not), without any build folder.
(cd "$SRC" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp -P --parents -t "$T" 2>/dev/null) ||
    { mkdir -p "$T"; (cd "$SRC" && tar --exclude='./build*' -cf - .) | (cd "$T" && tar -xf -); }
mkdir -p "$T/src" && mv "$T"/* "$T/src/" 2>/dev/null
cd "$T/src" || exit 1

compiled() { # object files a make log compiled, one a line, sorted
    sed -n 's/.* -c [^ ]* -o \([^ ]*\.o\).*/\1/p' "$1" | sort
}

build_all() { # $1 = name, then make arguments: the kiosk and every test program build
    name=$1; shift
    if $MAKE --no-print-directory "$@" all test-programs >"$T/$name.log" 2>&1; then ok "make $* builds everything"
    else tail -30 "$T/$name.log"; bad "make $* does not build"; fi
}

O1="BUILD=$T/b-o1"
if $MAKE --no-print-directory BUILD="$T/b-o1" CFLAGS="-O1 -g" all test-programs >"$T/o1.log" 2>&1; then
    ok "make CFLAGS=\"-O1 -g\" builds the kiosk and every test program"
else
    tail -30 "$T/o1.log"; bad "make CFLAGS=\"-O1 -g\" does not build"
fi
command -v clang >/dev/null 2>&1 || OV_EXTRA_PKGS=clang sh toolchain/install-deps.sh
if command -v clang >/dev/null 2>&1; then
    build_all clang -j2 BUILD="$T/b-clang" CC=clang CFLAGS="-O1 -g"
    $MAKE --no-print-directory BUILD="$T/b-clang" CC=clang CFLAGS="-O1 -g" all test-programs >"$T/again.log" 2>&1
    n=$(compiled "$T/again.log" | wc -l)
    if [ "$n" = 0 ]; then ok "after make -j2, make has nothing left to compile"
    else compiled "$T/again.log" | head; bad "after make -j2, make compiled $n more objects"; fi
else
    bad "clang is not installed (apt-get install clang)"
fi

# Touching one header rebuilds exactly its includers (from the -MMD files).
want=$(grep -l -F "$HEADER" $(find "$T/b-o1/obj" -name '*.d') 2>/dev/null | sed 's/\.d$/.o/' | sort)
total=$(find "$T/b-o1/obj" -name '*.o' | wc -l)
direct=$(grep -l -F "#include \"${HEADER#firmware/}\"" $(find firmware tests -name '*.c') | wc -l)
sleep 1; touch "$HEADER"
$MAKE --no-print-directory BUILD="$T/b-o1" CFLAGS="-O1 -g" all test-programs >"$T/touch.log" 2>&1
got=$(compiled "$T/touch.log")
nwant=$(printf '%s\n' "$want" | grep -c .)
if [ -n "$want" ] && [ "$got" = "$want" ] && [ "$nwant" -lt "$total" ] && [ "$nwant" -ge "$direct" ]; then
    ok "touching $HEADER rebuilt its $nwant includers of $total objects"
else
    bad "touching $HEADER rebuilt $(printf '%s\n' "$got" | grep -c .) objects; want its $nwant includers ($direct direct) of $total"
fi

# A change of flags rebuilds everything; the same flags again, nothing.
$MAKE --no-print-directory BUILD="$T/b-o1" CFLAGS="-O1 -g -DOV_TEST_BUILD_FLAG=1" all test-programs >"$T/flags.log" 2>&1
n=$(compiled "$T/flags.log" | wc -l)
total=$(find "$T/b-o1/obj" -name '*.o' | wc -l)
if [ "$n" = "$total" ]; then ok "changing CFLAGS rebuilt all $total objects"
else bad "changing CFLAGS rebuilt $n of $total objects"; fi
$MAKE --no-print-directory BUILD="$T/b-o1" CFLAGS="-O1 -g -DOV_TEST_BUILD_FLAG=1" all test-programs >"$T/same.log" 2>&1
n=$(compiled "$T/same.log" | wc -l)
if [ "$n" = 0 ]; then ok "the same flags again rebuilt nothing"
else bad "the same flags again rebuilt $n objects"; fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
