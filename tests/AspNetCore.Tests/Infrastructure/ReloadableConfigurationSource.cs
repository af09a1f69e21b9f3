using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace Hooksmith.AspNetCore.Tests.Infrastructure;

/// <summary>A configuration source whose values can be replaced while the application runs, as a reloaded file's are.</summary>
internal sealed class ReloadableConfigurationSource : ConfigurationProvider, IConfigurationSource
{
    public ReloadableConfigurationSource(IDictionary<string, string?> values) => Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces every value and signals the reload, as a file provider does when its file changes.</summary>
    public void Replace(IDictionary<string, string?> values)
    {
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
