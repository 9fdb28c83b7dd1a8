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
# Shared by every page.
base="tokens.css base.css components.css shell.css auth.css"
# The portal's holds the public pages' styles too: `trunk serve` shows
# every page with the portal's page and its styles.
# shellcheck disable=SC2086
join portal.css $base modal.css users.css contact-form.css verify.css
# shellcheck disable=SC2086
join front-door.css $base
# shellcheck disable=SC2086
join public-pages.css $base verify.css
