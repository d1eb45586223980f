using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Metrics;

namespace Surgewatch.Server.Hosting;

/// <summary>
/// One fixed-window limit per active API key, or per client address for every other request. The partition is the
/// key id that authentication found, never the text a client sent, so random bearer tokens all share their
/// address's limit and cannot make new partitions: memory stays bounded by the number of keys and addresses.
/// Runs after authentication and before authorization and the endpoint, so a refused request's body is never read.
/// A refusal is 429 with <c>Retry-After</c>. Health and metrics are exempt (<c>DisableRateLimiting</c>).
/// </summary>
internal static class RateLimits
{
    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = options.RateLimitWindow,
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            context.RequestServices.GetRequiredService<ServerMetrics>().CountRateLimited();
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : (int)Math.Ceiling(context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.RateLimitWindow.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"This key or address has used its requests for now; try again in {seconds} s.").ExecuteAsync(context);
        };
    }

    private static string PartitionOf(HttpContext context) =>
        ApiKeyAuthenticationHandler.KeyIdOf(context.User) is { } id
            ? "key:" + id
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
