#!/usr/bin/env bash
# What a user's build costs with Hooksmith at vendor scale: a throwaway library, made in a fresh
# temporary folder, that lists ../shared/corpus/voucherify/OpenAPIWebhooks.json as its only
# HooksmithSchema (namespace Vendor.Voucherify) and has one C# file of its own. Measures, in Release:
#   clean   a build from scratch of the project (--no-incremental --no-dependencies; the runtime and the
#           generator were built by an ordinary build before), wall-clock and the Csc task;
#   edit    a build after one line of the project's C# file changed (an ordinary incremental build);
#   split   the layout README recommends: an application project that references the schema project, and a
#           build after one line of the application's C# file changed (the schema project is up to date);
# and lists the analyzers the compiler still ran in the clean build (-p:ReportAnalyzer=true), slowest first.
#
# Usage: benchmarks/build-time.sh [--repo DIR] [runs [MSBuild arguments...]]
#   --repo DIR   build another checkout of Hooksmith (for example a `git archive` of an earlier commit
#                extracted into a folder) with this one's corpus, to compare before and after in one sitting
#   runs         how many clean and edit builds to time (default 3); the median is printed
#   arguments    passed to every build, for example -p:UseSharedCompilation=true to compile with the compiler
#                server, as `dotnet build` does by default (CI and this sandbox turn it off); the preparing
#                build starts the server and an untimed clean build warms it, so the timed builds find it as a
#                developer's builds do
set -euo pipefail
source "$(dirname "$0")/throwaway-project.sh"

here=$(cd "$(dirname "$0")/.." && pwd)
repo=$here
if [ "${1:-}" = "--repo" ]; then
  repo=$(cd "$2" && pwd)
  shift 2
fi
runs=${1:-3}
shift $(( $# > 0 ? 1 : 0 ))
extra=("$@")

schema="$here/../shared/corpus/voucherify/OpenAPIWebhooks.json"
if [ ! -f "$schema" ]; then
  echo "build-time.sh needs $schema (the shared corpora beside the repository)." >&2
  exit 1
fi
schema=$(cd "$(dirname "$schema")" && pwd)/$(basename "$schema")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
project="$work/project"
app="$work/app"
mkdir -p "$project" "$app"
trap 'rm -rf "$project" "$app"' EXIT

write_throwaway_project "$project" "$repo" "$schema" BuildTime
cat >"$project/Edited.cs" <<'CS'
namespace BuildTime;

/// <summary>The project's own code, edited between builds.</summary>
public static class Edited
{
    /// <summary>Changes with every edit.</summary>
    public static int Value => 0;
}
CS

# The application of the split layout: its own project beside the schema project, referencing it.
cat >"$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
$(throwaway_properties)
  <ItemGroup>
    <ProjectReference Include="../project/BuildTime.csproj" />
  </ItemGroup>
</Project>
XML
cat >"$app/Handler.cs" <<'CS'
namespace App;

/// <summary>The application's own code, edited between builds; it uses a generated type.</summary>
public static class Handler
{
    /// <summary>Changes with every edit.</summary>
    public static int Value => 0;

    /// <summary>Binds the seed event's payload.</summary>
    public static bool Bind(byte[] utf8) => Vendor.Voucherify.CustomerOrderUpdated.TryParse(utf8, out _, out _);
}
CS

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
seconds_of() { # command...
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/last.log" 2>&1 || { tail -30 "$work/last.log" >&2; return 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'
}
csc_of() { grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$1" | tail -1 | awk '{ printf "%.2f\n", $1 / 1000 }'; }

echo "== preparing: restore, the runtime and the generator ($repo)" >&2
dotnet build "$project/BuildTime.csproj" -c Release -v:q "${extra[@]}" >"$work/prepare.log" 2>&1 || { tail -30 "$work/prepare.log" >&2; exit 1; }

# Not timed: one clean build first, so that the compiler server (when on) has compiled this project once, as it has
# in a developer's session; the server's compiler code gets faster over its first builds as the runtime optimises it.
echo "== warm-up: one clean build, not timed" >&2
dotnet build "$project/BuildTime.csproj" -c Release --no-incremental --no-dependencies -v:q "${extra[@]}" >"$work/warm-up.log" 2>&1 || { tail -30 "$work/warm-up.log" >&2; exit 1; }

clean=() clean_csc=() edit=()
for i in $(seq 1 "$runs"); do
  echo "== clean build $i of $runs" >&2
  clean+=("$(seconds_of dotnet build "$project/BuildTime.csproj" -c Release --no-incremental --no-dependencies -v:n -clp:PerformanceSummary "${extra[@]}")")
  clean_csc+=("$(csc_of "$work/last.log")")
  echo "== edit build $i of $runs" >&2
  sed -i "s/Value => [0-9]*;/Value => $i;/" "$project/Edited.cs"
  edit+=("$(seconds_of dotnet build "$project/BuildTime.csproj" -c Release --no-dependencies -v:q "${extra[@]}")")
done

echo "== split layout: the application project, built once" >&2
dotnet build "$app/App.csproj" -c Release -v:q "${extra[@]}" >"$work/app-prepare.log" 2>&1 || { tail -30 "$work/app-prepare.log" >&2; exit 1; }
split=()
for i in $(seq 1 "$runs"); do
  echo "== split layout: edit build $i of $runs" >&2
  sed -i "s/Value => [0-9]*;/Value => $i;/" "$app/Handler.cs"
  split+=("$(seconds_of dotnet build "$app/App.csproj" -c Release -v:q "${extra[@]}")")
done

echo "== clean build with -p:ReportAnalyzer=true" >&2
dotnet build "$project/BuildTime.csproj" -c Release --no-incremental --no-dependencies -p:ReportAnalyzer=true -v:d "${extra[@]}" >"$work/analyzers.log" 2>&1

files=$(find "$project/obj" -name '*.g.cs' 2>/dev/null | wc -l)
echo
echo "checkout: $repo ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
echo "dotnet $(dotnet --version); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $runs; seconds, median (all runs); MSBuild arguments: ${extra[*]:-(none)}; UseSharedCompilation in the environment: ${UseSharedCompilation:-(unset)}"
echo "clean build, wall-clock:  $(printf '%s\n' "${clean[@]}" | median)   (${clean[*]})"
echo "clean build, Csc task:    $(printf '%s\n' "${clean_csc[@]}" | median)   (${clean_csc[*]})"
echo "edit of one C# file:      $(printf '%s\n' "${edit[@]}" | median)   (${edit[*]})"
echo "split layout, edit of the application's C# file: $(printf '%s\n' "${split[@]}" | median)   (${split[*]})"
echo
grep -E 'Total (analyzer|generator) execution time' "$work/analyzers.log" | head -2 | sed 's/^ */  /'
echo "  slowest analyzers (seconds, the compiler's report of the clean build):"
awk '/Total analyzer execution time:/ { table = 1; next } table && /Total generator execution time:/ { exit }
     table && /^ +[<0-9.]+ +[0-9]+ +[A-Z]/ { print }' "$work/analyzers.log" | sort -t' ' -k1 -rn | head -12 | sed 's/^ */    /'
echo "logs: $work"
