#!/usr/bin/env bash
# Builds FerretDB v1.24.2 into $(go env GOPATH)/bin unless it is already there.
# A plain `go install …@v1.24.2` panics at start (the published module lacks
# build/version/version.txt), so build from a writable copy with the file added.
set -euo pipefail
VERSION=v1.24.2
BIN_DIR="$(go env GOPATH)/bin"
BIN="$BIN_DIR/ferretdb"
if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "$VERSION"; then
  echo "ferretdb $VERSION already built at $BIN"
  exit 0
fi
mkdir -p "$BIN_DIR"
SRC_DIR=$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$SRC_DIR" "$WORK/ferretdb-src"
chmod -R u+w "$WORK/ferretdb-src"
echo "$VERSION" > "$WORK/ferretdb-src/build/version/version.txt"
(cd "$WORK/ferretdb-src" && go build -o "$BIN" ./cmd/ferretdb)
echo "built $BIN"
