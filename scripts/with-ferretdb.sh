#!/usr/bin/env bash
# Runs a command with MONGODB_URI pointing at a throw-away FerretDB (SQLite backend, loopback only).
# Usage: scripts/with-ferretdb.sh npx vitest run tests/store tests/api
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
bash "$ROOT/scripts/install-ferretdb.sh" >&2
BIN="$(go env GOPATH)/bin/ferretdb"
DIR=$(mktemp -d)
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
PORT=$(free_port)
DEBUG_PORT=$(free_port)
"$BIN" --handler=sqlite --sqlite-url="file:$DIR/" --state-dir="$DIR" \
  --listen-addr="127.0.0.1:$PORT" --debug-addr="127.0.0.1:$DEBUG_PORT" --telemetry=disable \
  --log-level=warn >"$DIR/ferretdb.log" 2>&1 &
FERRET_PID=$!
cleanup() { kill "$FERRET_PID" 2>/dev/null || true; wait "$FERRET_PID" 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
export MONGODB_URI="mongodb://127.0.0.1:$PORT/formwork"
for i in $(seq 1 60); do
  if node --input-type=module -e '
    import mongoose from "mongoose";
    const c = await mongoose.createConnection(process.env.MONGODB_URI, { serverSelectionTimeoutMS: 1000 }).asPromise();
    await c.db.admin().ping(); await c.close();' 2>/dev/null; then
    echo "FerretDB answers ping at $MONGODB_URI" >&2
    break
  fi
  if [ "$i" = 60 ]; then echo "FerretDB did not answer ping; its log:" >&2; cat "$DIR/ferretdb.log" >&2; exit 1; fi
  sleep 0.5
done
"$@"
