#!/usr/bin/env bash
# Refreshes the vendored Det Fælles Designsystem (npm `dkfds`) under src/CrmAlliance.Api/wwwroot/vendor/dkfds:
# its built CSS, JS, fonts (woff2/woff) and images, with its licence. No build step: the app serves these files as-is.
# Usage: tools/refresh-dkfds.sh [version]   (default: the version pinned below)
set -euo pipefail
version="${1:-11.2.0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/src/CrmAlliance.Api/wwwroot/vendor/dkfds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "dkfds@$version" --silent >/dev/null && tar xzf "dkfds-$version.tgz")
dist="$work/package/dist"

rm -rf "$target"
mkdir -p "$target/css" "$target/js" "$target/fonts/IBMPlexSans/complete"
cp "$work/package/LICENSE.md" "$target/LICENSE.md"
cp "$dist"/css/*.min.css "$target/css/"
cp "$dist/js/dkfds.min.js" "$target/js/"
cp -r "$dist/img" "$target/img"
# Browsers that run this app load woff2 (woff as fallback); the eot/ttf/otf and split fonts are left out.
for format in woff2 woff; do
  cp -r "$dist/fonts/IBMPlexSans/complete/$format" "$target/fonts/IBMPlexSans/complete/$format"
done
find "$dist/fonts" -iname 'license*' -exec cp {} "$target/fonts/IBMPlexSans/" \; -quit
echo "$version" > "$target/VERSION"
echo "dkfds $version vendored into $target"
