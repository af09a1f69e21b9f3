using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Hooksmith.Conformance.Tests.Running;

/// <summary>Runs generated validators on a thread with a large stack, so that deep recursion fails as a result rather than ending the process.</summary>
internal static class LargeStack
{
    private const int StackBytes = 64 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on its own thread and hands back its result or rethrows its exception.</summary>
    public static T Run<T>(Func<T> work)
    {
        T? result = default;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            StackBytes)
        {
            Name = "generated validators",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }
}
