using Surgewatch.Core.Cluster;

namespace Surgewatch.Server.Cluster;

/// <summary>A server without a cluster: it keeps every alert, so there is no other node's alert to read or act on.</summary>
internal sealed class NoAlertShare : IAlertShare
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Others => None;

    public void Share(IReadOnlyDictionary<string, string> alerts)
    {
    }

    public Task<AlertActionOutcome> ActAtHolderAsync(string subject, AlertAction action, CancellationToken cancellationToken) =>
        Task.FromResult(new AlertActionOutcome(AlertActionResult.NotFound, null));
}
