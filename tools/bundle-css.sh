#!/bin/sh
# Joins the style sheets into one per page, in cascade order, so each page
# loads one stylesheet. Trunk runs this before every build (Trunk.toml,
# [[hooks]]); the pages link style/bundles/*.css, which nobody edits: edit
# the files in style/ instead.
set -eu
cd "$(dirname "$0")/../style"
mkdir -p bundles
join() {
    out="bundles/$1"
    shift
    # Written beside, then moved, so a build never reads half a file.
    cat "$@" > "$out.part"
    mv "$out.part" "$out"
}
# Shared by both pages.
base="tokens.css base.css components.css shell.css auth.css"
# shellcheck disable=SC2086
join portal.css $base modal.css users.css contact-form.css
# shellcheck disable=SC2086
join front-door.css $base
