using System;

namespace Hooksmith.Cli.CommandLine;

/// <summary>A command line that cannot be run as written: an unknown option, a missing value, no payloads.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
