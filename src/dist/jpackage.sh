#!/usr/bin/env bash
# Builds the installable InitLab with the JDK's jpackage: the app image target/dist/InitLab/ (its own
# Java runtime with JavaFX's modules, the jar with the lessons and themes inside, its libraries, the
# bundled MNIST) and, on Linux, the Debian package target/dist/initlab_<version>-<release>_amd64.deb.
# `mvn -Pdist package` runs it after the jar; arguments: the pom's version, the project folder.
# The launcher gets the JVM settings of ./initlab: jvm.options, jvm-linux.options (Linux), jvm-app.options.
set -euo pipefail
version=$1
root=$(cd "$2" && pwd)
target="$root/target"
input="$target/dist-input"
dest="$target/dist"

# jpackage takes only numbers: 0.1.0-SNAPSHOT is 0.1.0 with Debian revision 0, below the release's 1
app_version=${version%%-*}
release=1
[[ $version == *-SNAPSHOT ]] && release=0

rm -rf "$input" "$dest"
mkdir -p "$input/lib" "$input/data" "$dest"
cp "$target/initlab.jar" "$input/"
# JavaFX goes into the runtime as modules; everything else stays on the jar's class path (lib/)
find "$target/lib" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$input/lib/" \;
cp -r "$root/data/mnist" "$input/data/"

java_options=()
option_files=("$root/jvm.options")
[ "$(uname -s)" = Linux ] && option_files+=("$root/jvm-linux.options")
option_files+=("$root/jvm-app.options")
while read -r line; do
  java_options+=(--java-options "$line")
done < <(grep -hv '^\s*#' "${option_files[@]}" | grep -v '^\s*$')

# the JDK modules the jar and its libraries use (jdeps, per jar), plus JavaFX's
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml
modules+=,jdk.crypto.ec,jdk.management,jdk.unsupported,jdk.zipfs,javafx.controls,javafx.swing

common=(--name InitLab --app-version "$app_version" --vendor "InitLab"
  --description "A desktop laboratory for seeing how weight initialization shapes a neural network")
jpackage --type app-image "${common[@]}" --dest "$dest" \
  --input "$input" --main-jar initlab.jar --main-class org.initlab.Main \
  --module-path "$target/javafx" --add-modules "$modules" \
  --icon "$root/assets/icons/initlab.png" "${java_options[@]}"

if [ "$(uname -s)" = Linux ]; then
  # gzip, not dpkg's default xz: the jars inside are compressed already (xz saves 6 %), and it packs in
  # seconds instead of minutes; every dpkg reads it
  export DPKG_DEB_COMPRESSOR_TYPE=gzip
  jpackage --type deb "${common[@]}" --dest "$dest" --app-image "$dest/InitLab" \
    --linux-package-name initlab --linux-app-release "$release" \
    --linux-shortcut --linux-menu-group Education --linux-app-category science \
    --linux-package-deps "libgtk-3-0" --resource-dir "$root/src/dist/linux" --icon "$root/assets/icons/initlab.png"
  ls -l "$dest"/*.deb
fi
