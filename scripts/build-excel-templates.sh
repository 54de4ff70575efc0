#!/bin/sh
# Regenerates the Excel template fixtures under templates/excel/ from their flat-ODS
# sources (*.fods, the files to edit) with LibreOffice headless (Debian package
# libreoffice-calc-nogui). Formulas are recalculated on load, so cached values are right.
# stock-out-zh is written as a legacy .xls; the others as .xlsx. With arguments
# (source names, e.g. stock-out-zh.fods) only those are rebuilt.
set -eu
cd "$(dirname "$0")/../templates/excel"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-calc-nogui" >&2; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/user"
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
[ $# -gt 0 ] || set -- *.fods
for source in "$@"; do
  case "$source" in
    stock-out-zh.fods) format=xls ;;
    *) format=xlsx ;;
  esac
  target="${source%.fods}.$format"
  rm -f "$target"
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to "$format" --outdir . "$source" >/dev/null 2>&1
  [ -s "$target" ] || { echo "LibreOffice could not convert $source" >&2; exit 1; }
  echo "built $target"
done
