#!/usr/bin/env bash
# Proves the packages work in another app: packs every library under src/ into a temporary folder source, creates a
# fresh `dotnet new console` app outside the repository, installs the packages from that folder with
# `dotnet add package`, and runs eng/package-smoke/Program.cs, which generates an image against the emulator.
# Usage: eng/package-smoke.sh  (CONFIGURATION=Debug|Release, default Release)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/PackageSmoke"
# Stop MSBuild's upward search here, so nothing above the temporary folder shapes the app.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"

for project in "$repo"/src/*/*.csproj; do
  dotnet pack "$project" -c "$configuration" -o "$feed" --nologo -v quiet
done
packages=$(find "$feed" -name '*.nupkg' ! -name '*.snupkg' -printf '%f\n' | sed -E 's/\.[0-9]+\.[0-9]+\.[0-9]+([-+][^/]*)?\.nupkg$//' | sort)
echo "packed in ${SECONDS}s: $(echo $packages)"

# From here on, only the app: a private package folder, so a NanoBanana.* package cached by an earlier run can never
# stand in for the one packed now. (Set after packing: the repository's own restore must keep its usual folder.)
export NUGET_PACKAGES="$work/packages"

dotnet new console -o "$app" -n PackageSmoke --framework net10.0 >/dev/null

# The folder source serves NanoBanana.*; everything else comes from the repository's own package source.
upstream=$(grep -Eo '<add key="[^"]+" value="[^"]+"' "$repo/nuget.config" | head -n 1)
upstream_key=$(sed -E 's/<add key="([^"]+)".*/\1/' <<<"$upstream")
cat > "$app/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    $upstream />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="NanoBanana.*" /></packageSource>
    <packageSource key="$upstream_key"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG

for package in $packages; do
  dotnet add "$app" package "$package" >/dev/null
done
for package in $packages; do
  metadata="$NUGET_PACKAGES/${package,,}"/*/.nupkg.metadata
  grep -q "\"source\": \"$feed\"" $metadata || { echo "$package was not installed from $feed" >&2; exit 1; }
done

cp "$repo/eng/package-smoke/Program.cs" "$app/Program.cs"
dotnet build "$app" -warnaserror --nologo -v quiet
dotnet run --project "$app" --no-build -- "$work"

png="$work/fox.png"
head -c 8 "$png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || { echo "$png is not a PNG" >&2; exit 1; }
echo "package smoke: a fresh console app installed $(echo $packages | wc -w) packages from the folder source and wrote a $(stat -c %s "$png")-byte PNG (${SECONDS}s)"
