using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Hooksmith.Webhooks;

/// <summary>Keeps deliveries that were acknowledged but not handled, so that nothing a provider sent is lost.</summary>
public interface IWebhookDeadLetterStore
{
    /// <summary>Keeps a letter. False when the store cannot take it (full): the delivery is then not acknowledged, so the provider retries.</summary>
    ValueTask<bool> StoreAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>The letters kept, oldest first.</summary>
    ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a letter (after it was replayed or dismissed). False when there is none with that id.</summary>
    ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);
}
