using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Surgewatch.Server.Auth;

namespace Surgewatch.Server.Hosting;

/// <summary>One fixed-window limit per API key, or per client address for requests without a key.</summary>
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
    }

    // A key is known by its public id (derived from its hash), so the partition name never holds the secret.
    private static string PartitionOf(HttpContext context) =>
        ApiKeyAuthenticator.PresentedKey(context.Request) is { } key
            ? "key:" + ApiKeySecrets.IdOf(ApiKeySecrets.Hash(key))
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
