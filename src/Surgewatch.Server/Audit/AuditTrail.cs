using Surgewatch.Core.Audit;
using Surgewatch.Server.Auth;

namespace Surgewatch.Server.Audit;

/// <summary>
/// Writes who did what, and when, to the <see cref="IAuditLog"/>: the actor is the API key's name and id (never its secret).
/// A failed write is logged and does not undo the action.
/// </summary>
internal sealed class AuditTrail(IAuditLog log, ApiKeyAuthenticator keys, TimeProvider clock, ILogger<AuditTrail> logger)
{
    /// <summary>The actor of a request: the key's name and id, or "unknown".</summary>
    public async Task<string> ActorAsync(HttpContext context) =>
        await keys.AuthenticateAsync(context) is { } k ? $"{k.Name} ({k.Id})" : "unknown";

    public async Task RecordAsync(HttpContext context, string action, string target, string? detail = null) =>
        await RecordAsync(await ActorAsync(context), action, target, detail, context.RequestAborted);

    public async Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await log.AppendAuditAsync([new AuditEntry(clock.GetUtcNow(), actor, action, target, detail)], CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Could not write the audit entry {Action} on {Target}", action, target);
        }
    }
}
