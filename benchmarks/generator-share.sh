#!/usr/bin/env bash
# The generator's share of a real compile, as the compiler itself reports it. Builds
#   (a) samples/Voucherify.Receiver (schemas/voucherify/*.json), and
#   (b) a throwaway library, made in a fresh temporary folder, that lists
#       ../shared/corpus/voucherify/OpenAPIWebhooks.json as a HooksmithSchema (namespace Vendor.Voucherify)
#       and consumes Hooksmith as samples/ does: the runtime as a project reference, the generator as an
#       analyzer, src/Runtime/build/Hooksmith.props and .targets;
# each with -p:ReportAnalyzer=true, then prints the time the compiler gives the Hooksmith generator, all
# generators and all analyzers, the Csc task's time from MSBuild's performance summary, and Hooksmith's
# share of the Csc time.
#
# Usage: benchmarks/generator-share.sh [MSBuild arguments for both builds of each project]
# from any folder; needs ../shared/corpus beside the repository. For example, -p:UseSharedCompilation=true
# measures with the compiler server, which the ordinary build before the measured one warms up.
# The measured builds' logs are kept; their folder is printed at the end.
set -euo pipefail
source "$(dirname "$0")/throwaway-project.sh"

msbuild_args=("$@")

repo=$(cd "$(dirname "$0")/.." && pwd)
schema="$repo/../shared/corpus/voucherify/OpenAPIWebhooks.json"
if [ ! -f "$schema" ]; then
  echo "generator-share.sh needs $schema (the shared corpora beside the repository)." >&2
  exit 1
fi
schema=$(cd "$(dirname "$schema")" && pwd)/$(basename "$schema")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
logs="$work/logs"
mkdir -p "$logs"
# The throwaway project goes with the script; the logs stay for reading.
trap 'rm -rf "$work/project"' EXIT

# (b): a fresh folder each run, so no generated file or obj/ of an earlier build can be picked up.
project="$work/project"
mkdir -p "$project"
write_throwaway_project "$project" "$repo" "$schema" GeneratorShare

# Seconds from a "Total analyzer execution time: 2.012 seconds." line of the compiler's report.
total_seconds() { # log, "analyzer" or "generator"
  sed -nE "s/.*Total $2 execution time: ([0-9.]+) seconds.*/\1/p" "$1" | head -1
}

# Hooksmith's row in the compiler's generator table, which follows the "Total generator execution time"
# line: "   0.850   20   Hooksmith.Generator, Version=0.1.0.0, ...". The compiler writes "<0.001" for
# less than a millisecond; that counts as 0.001.
hooksmith_seconds() { # log
  awk '/Total generator execution time:/ { table = 1 }
       table && /Hooksmith\.Generator, Version=/ { sub(/^</, "", $1); print $1; exit }' "$1"
}

# The Csc row of MSBuild's "Task Performance Summary": "   12472 ms  Csc   1 calls". The build runs with
# --no-dependencies, so there must be exactly one call: this project's compile.
csc_seconds() { # log
  local row
  row=$(grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$1" | tail -1)
  if ! grep -qE ' 1 calls$' <<<"$row"; then
    echo "expected one Csc call in $1, found: ${row:-none}" >&2
    return 1
  fi
  awk '{ printf "%.3f", $1 / 1000 }' <<<"$row"
}

# "tool" when csc ran as a process of its own (UseSharedCompilation=false, as on CI), "server" when the
# compiler server (VBCSCompiler) compiled: then the compiler and generator are usually JIT-compiled already.
compiler_mode() { # log
  sed -nE 's/.*CompilerServer: ([a-z]+) - .*/\1/p' "$1" | head -1
}

rows=()
measure() { # name, project file
  local name=$1 project_file=$2 log="$logs/$1.log"
  # An ordinary build first, so the project is restored and its references are built; then the measured
  # one: --no-dependencies so that the only Csc task in the summary is this project's, --no-incremental so
  # it compiles (and runs the generator) from scratch.
  echo "== $name: building ($project_file)" >&2
  if ! dotnet build "$project_file" -c Release -v:q "${msbuild_args[@]}" >"$logs/$name.prepare.log" 2>&1; then
    tail -30 "$logs/$name.prepare.log" >&2
    return 1
  fi
  if ! dotnet build "$project_file" -c Release --no-incremental --no-dependencies -p:ReportAnalyzer=true \
      -v:d -clp:PerformanceSummary "${msbuild_args[@]}" >"$log" 2>&1; then
    tail -30 "$log" >&2
    return 1
  fi

  local hooksmith generators analyzers csc mode
  hooksmith=$(hooksmith_seconds "$log")
  generators=$(total_seconds "$log" generator)
  analyzers=$(total_seconds "$log" analyzer)
  csc=$(csc_seconds "$log")
  mode=$(compiler_mode "$log")
  if [ -z "$hooksmith" ] || [ -z "$generators" ] || [ -z "$analyzers" ] || [ -z "$csc" ]; then
    echo "could not read the compiler's analyzer report or the Csc time from $log" >&2
    return 1
  fi
  rows+=("$(awk -v n="$name" -v h="$hooksmith" -v g="$generators" -v a="$analyzers" -v c="$csc" -v m="${mode:-?}" \
    'BEGIN { printf "%-34s %10.3f %10.3f %10.3f %8.3f %8.1f%%   %s", n, h, g, a, c, 100 * h / c, m }')")
}

measure Voucherify.Receiver "$repo/samples/Voucherify.Receiver/Voucherify.Receiver.csproj"
measure OpenAPIWebhooks "$project/GeneratorShare.csproj"

echo
echo "dotnet $(dotnet --version); $(grep -m1 -oE 'Visual C# Compiler version [^ ]+' "$logs/OpenAPIWebhooks.log")"
echo "Seconds as the compiler reports them (-p:ReportAnalyzer=true); Csc from MSBuild's Task Performance Summary."
echo "Generator and analyzer times are part of the Csc time; analyzers run concurrently, so their total can exceed it."
echo "compiler: tool = csc as a process of its own, JIT-compiling the compiler and generators (UseSharedCompilation=false);"
echo "server = the compiler server (VBCSCompiler), usually warm."
printf '%-34s %10s %10s %10s %8s %9s   %s\n' project Hooksmith generators analyzers Csc share compiler
for row in "${rows[@]}"; do
  echo "$row"
done
echo
echo "build logs: $logs"
