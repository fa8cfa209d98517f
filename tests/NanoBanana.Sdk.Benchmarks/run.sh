#!/usr/bin/env bash
# Runs every benchmark suite (a few minutes on 2 cores) and writes the results into docs/performance.md.
# Usage: tests/NanoBanana.Sdk.Benchmarks/run.sh [--suites inline,save,poll,sse,jobs]
# Measure on a quiet machine: the report records the load average at the start and the end of the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$here/NanoBanana.Sdk.Benchmarks.csproj" -c Release
dotnet "$here/bin/Release/net10.0/NanoBanana.Sdk.Benchmarks.dll" --report "$root/docs/performance.md" "$@"
