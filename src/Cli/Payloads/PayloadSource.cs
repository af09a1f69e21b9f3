using System.Collections.Generic;
using System.IO;

namespace Hooksmith.Cli.Payloads;

/// <summary>Where payloads come from: a file, or JSON Lines on standard input.</summary>
internal abstract class PayloadSource
{
    /// <summary>The payloads, read lazily, in order.</summary>
    public abstract IEnumerable<Payload> Read(TextReader stdin);
}
