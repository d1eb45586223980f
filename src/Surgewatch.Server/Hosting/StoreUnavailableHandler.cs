using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Surgewatch.Core.Storage;

namespace Surgewatch.Server.Hosting;

/// <summary>
/// Answers any request that found the store unreachable (a PostgreSQL server restarting or lost) with 503 and
/// <c>Retry-After</c>, instead of a 500: nothing was acknowledged, so the client sends the same request again, and
/// the store's connection pool reconnects by itself once the database is back.
/// </summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>The Retry-After of a 503: long enough for a restarting database, short enough to lose no live minute.</summary>
    public const int RetrySeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreUnavailableException unavailable)
        {
            return false;
        }

        logger.LogWarning("The store {Store} is unavailable; answered 503: {Reason}", unavailable.DataSource, unavailable.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetrySeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The store is unavailable; retry later", Detail = unavailable.Message },
        });
    }
}
