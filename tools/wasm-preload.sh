#!/bin/sh
# Takes the `integrity` hash off the wasm's preload link in the pages Trunk
# has just written. Chromium ignores that hash for a `fetch` preload and says
# so in a console warning on every load (crbug.com/981419); the loader's own
# fetch of the wasm checks no hash either, so nothing is lost. The scripts
# and stylesheets keep theirs. Trunk runs this after every build (Trunk.toml,
# [[hooks]]), for `trunk serve` as for release builds.
set -eu
for page in "$TRUNK_STAGING_DIR"/*.html; do
    # The attribute may come before or after the wasm's address, quoted
    # (as Trunk writes it) or not (once minified).
    sed -i -E \
        -e 's/(<link[^>]*_bg\.wasm[^>]*) integrity=("[^"]*"|[^ >]*)/\1/' \
        -e 's/(<link[^>]*) integrity=("[^"]*"|[^ >]*)([^>]*_bg\.wasm)/\1\3/' \
        "$page"
done
