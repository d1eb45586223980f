namespace Surgewatch.Server.Hosting;

/// <summary>
/// The server's own request log, in place of ASP.NET Core's hosting log (which is switched off because it writes
/// the query string, where a key sent by mistake, or a SignalR <c>access_token</c>, would land). One structured
/// line per request: method, path without the query, status and milliseconds. Server errors are logged as errors;
/// everything else at Information, which the default level (Warning, <see cref="LogDefaults"/>) leaves out, so a
/// busy server does not write a line per request unless asked to.
/// </summary>
internal static partial class RequestLog
{
    public const string Category = "Surgewatch.Server.Requests";

    public static void Use(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (context, next) =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var failed = true;
            try
            {
                await next(context);
                failed = false;
            }
            finally
            {
                var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
                if (status >= 500)
                {
                    Failed(logger, context.Request.Method, context.Request.Path, status, elapsed);
                }
                else if (logger.IsEnabled(LogLevel.Information))
                {
                    Served(logger, context.Request.Method, context.Request.Path, status, elapsed);
                }
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Served(ILogger logger, string method, PathString path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Failed(ILogger logger, string method, PathString path, int status, double elapsedMs);
}

/// <summary>
/// Logging defaults that configuration may raise or lower: ASP.NET Core and the request log at Warning. Kept as
/// the lowest-priority configuration source, so <c>Logging__LogLevel__…</c> settings and <c>appsettings.json</c> win.
/// <c>Logging__Console__FormatterName=json</c> writes JSON lines. ASP.NET Core's hosting log is off whatever the
/// configuration says, because it writes query strings.
/// </summary>
internal static class LogDefaults
{
    public static void Apply(WebApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:" + RequestLog.Category] = "Warning",
        };
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Warning);
    }
}
