#!/usr/bin/env bash
# Makes the release archives in $CARGO_TARGET_DIR/dist (default target/dist):
#   prongsai-<version>-windows-x64.zip    prongsai.exe (x86_64-pc-windows-gnu, needs no runtime),
#                                         the double-click launchers, the Thai guide, an example site
#   prongsai-<version>-linux-x64.tar.gz   prongsai (static with musl when its pieces are here),
#                                         the example site, README.md
# Needs: rustup targets x86_64-pc-windows-gnu (and x86_64-unknown-linux-musl for a static Linux
# binary), Debian's gcc-mingw-w64-x86-64 (and musl-tools), zip. `scripts/dist.sh --install`
# installs them first (root, apt and rustup).
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
out="$target_dir/dist"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
win=x86_64-pc-windows-gnu
musl=x86_64-unknown-linux-musl

if [ "${1:-}" = "--install" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc-mingw-w64-x86-64 musl-tools zip >/dev/null
  rustup target add "$win" "$musl"
fi
has_target() { [ -d "$(rustc --print sysroot)/lib/rustlib/$1" ]; }
has_target "$win" && command -v x86_64-w64-mingw32-gcc >/dev/null || {
  echo "dist: the Windows build needs 'rustup target add $win' and 'apt-get install gcc-mingw-w64-x86-64' (or run scripts/dist.sh --install)" >&2
  exit 2
}
command -v zip >/dev/null || { echo "dist: needs zip (apt-get install zip)" >&2; exit 2; }

echo "dist: building prongsai $version for Windows ($win)"
cargo build --release --locked --target "$win"
exe="$target_dir/$win/release/prongsai.exe"

# The Linux binary: static with musl when the target and musl-gcc are here (OpenSSL is then built
# from source, the `vendored-tls` feature), else linked to glibc, libssl and libssh2 as usual.
if has_target "$musl" && command -v musl-gcc >/dev/null; then
  echo "dist: building prongsai $version for Linux, static ($musl)"
  cargo build --release --locked --target "$musl" --features vendored-tls
  linux="$target_dir/$musl/release/prongsai"
else
  echo "dist: no musl target here; the Linux binary links glibc (rustup target add $musl; apt-get install musl-tools for a static one)"
  cargo build --release --locked
  linux="$target_dir/release/prongsai"
fi

rm -rf "$out" && mkdir -p "$out"
stage="$out/stage"
# A fresh example site, made by the program itself, dated by SOURCE_DATE_EPOCH when that is set.
"$linux" init "$stage/site" >/dev/null

w="$out/prongsai-$version-windows-x64"
mkdir -p "$w"
cp "$exe" "$w/prongsai.exe"
x86_64-w64-mingw32-strip "$w/prongsai.exe"
cp packaging/windows/*.cmd "$w/"
sed "s/{VERSION}/$version/g" packaging/windows/README-TH.txt | { printf '\xef\xbb\xbf'; cat; } >"$w/README-TH.txt"
cp -r "$stage/site" "$w/site"
(cd "$out" && zip -qr -X "prongsai-$version-windows-x64.zip" "prongsai-$version-windows-x64")

l="$out/prongsai-$version-linux-x64"
mkdir -p "$l"
cp "$linux" "$l/prongsai"
strip "$l/prongsai"
cp README.md "$l/README.md"
cp -r "$stage/site" "$l/site"
tar -C "$out" --owner=0 --group=0 --sort=name -czf "$out/prongsai-$version-linux-x64.tar.gz" "prongsai-$version-linux-x64"

rm -rf "$stage" "$w" "$l"
ls -l "$out"
