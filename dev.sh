#!/usr/bin/env bash
# Keyferry's setup in one place: the README's two commands are
#   ./dev.sh run  [keyferry arguments]   set up, then start Keyferry (the key list window)
#   ./dev.sh test [pytest arguments]     set up with the test extras, then run every test
# and, beside them, ./dev.sh bench [--quick] [--out FILE] runs the benchmark suite
# (tests/benchmarks/run.py; it also installs wrk, the server's load generator).
# Both install the Debian/Ubuntu packages Qt (and the tests) need when they are missing:
# directly as root, through sudo when it needs no password, or else they print the command.
# The virtual environment is .venv in the checkout, created and updated as needed.
set -euo pipefail
cd "$(dirname "$0")"

QT_PACKAGES=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
             libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
             libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
# Tests also need: openssl (the guide's commands), a real Secret Service (gnome-keyring on a
# private D-Bus), Xvfb for real-window screenshots (and xwininfo, x11-utils, to see the frozen
# bundle's window appear), binutils for PyInstaller (objdump, strip), a real PKCS#11 token
# (SoftHSM2, and opensc's pkcs11-tool to look at it by hand); Qt's translation compiler comes
# from pip.
TEST_PACKAGES=(openssl gnome-keyring "dbus-daemon|dbus" xvfb xauth fonts-dejavu-core
               desktop-file-utils appstream x11-utils binutils softhsm2 opensc
               "xxd|vim-common")

say() { printf 'keyferry-setup: %s\n' "$*" >&2; }

python_bin() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    say "Keyferry needs Python 3.11 or newer. Install it, e.g.: sudo apt-get install python3"
    exit 1
}

ensure_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: make sure these are installed: $*"; return 0; }
    # "a|b" means either package will do (names differ between Debian/Ubuntu releases).
    local missing=() pkg choice found
    for pkg in "$@"; do
        found=""
        for choice in ${pkg//|/ }; do
            dpkg-query -W -f='${Status}' "$choice" 2>/dev/null | grep -q "install ok installed" && found=1
        done
        [ -n "$found" ] && continue
        for choice in ${pkg//|/ }; do
            if apt-cache show "$choice" >/dev/null 2>&1; then missing+=("$choice"); found=1; break; fi
        done
        [ -n "$found" ] || missing+=("${pkg%%|*}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local install=(apt-get install -y --no-install-recommends "${missing[@]}")
    if [ "$(id -u)" -eq 0 ]; then
        say "installing system packages: ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        say "installing system packages with sudo: ${missing[*]}"
        sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
    else
        say "these system packages are missing: ${missing[*]}"
        say "install them with: sudo apt-get update && sudo ${install[*]}"
        exit 1
    fi
}

ensure_venv() {
    local extras="$1" py stamp want
    py=$(python_bin)
    if ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        ensure_packages python3-venv
    fi
    if [ ! -x .venv/bin/python ]; then
        say "creating the virtual environment in .venv"
        "$py" -m venv .venv
    fi
    stamp=.venv/.keyferry-installed
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) $extras"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        say "installing Keyferry and its dependencies into .venv"
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e ".${extras}"
        echo "$want" > "$stamp"
    fi
}

compile_translations() {
    # The .qm files are built, not committed; the program (and its self-test) load them from
    # resources/translations; the script skips the ones that are up to date.
    PATH="$PWD/.venv/bin:$PATH" .venv/bin/python packaging/build_translations.py >/dev/null
}

case "${1:-}" in
    run)
        shift
        ensure_packages "${QT_PACKAGES[@]}"
        ensure_venv ""
        compile_translations
        exec .venv/bin/keyferry "$@"
        ;;
    test)
        shift
        ensure_packages "${QT_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
        ensure_venv "[test]"
        compile_translations
        export QT_QPA_PLATFORM=offscreen
        exec .venv/bin/python -m pytest "$@"
        ;;
    bench)
        shift
        ensure_packages "${QT_PACKAGES[@]}" "${TEST_PACKAGES[@]}" wrk
        ensure_venv "[test]"
        compile_translations
        export QT_QPA_PLATFORM=offscreen
        exec .venv/bin/python tests/benchmarks/run.py "$@"
        ;;
    *)
        echo "usage: ./dev.sh run [keyferry arguments] | ./dev.sh test [pytest arguments]" \
             "| ./dev.sh bench [--quick] [--out FILE]" >&2
        exit 2
        ;;
esac
