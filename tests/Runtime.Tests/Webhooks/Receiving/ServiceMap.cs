using System;
using System.Collections.Generic;

namespace Hooksmith.Runtime.Tests.Webhooks.Receiving;

/// <summary>The smallest service provider: a fixed map from service type to instance (the receiver only asks for handlers).</summary>
internal sealed class ServiceMap : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    public ServiceMap Add<TService>(TService service)
        where TService : class
    {
        _services[typeof(TService)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.TryGetValue(serviceType, out var service) ? service : null;
}
