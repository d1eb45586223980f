using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A server whose clock is <see cref="Time"/>, optionally with a webhook, optionally on an earlier host's store (a
/// restart), optionally with services of the test's replacing the server's (<paramref name="services"/>).
/// </summary>
public sealed class ClockedServer(ManualTime time, string? databasePath = null, string? webhookUrl = null, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    : ServerFixture(databasePath)
{
    public const string WebhookSecret = "webhook-secret-0123456789";

    public ManualTime Time { get; } = time;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.Settings);
            if (webhookUrl is not null)
            {
                settings["Surgewatch:Notifications:Webhook:Url"] = webhookUrl;
                settings["Surgewatch:Notifications:Webhook:Secret"] = WebhookSecret;
            }

            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>One monitor step now, as the loop would take after an ingest.</summary>
    public Task StepAsync() => Services.GetRequiredService<MonitoringService>().StepAsync(CancellationToken.None);

    /// <summary>Posts an occupancy reading of zone <paramref name="zone"/> at the clock's present, then steps the monitor.</summary>
    public async Task IngestAsync(HttpClient admin, string zone, double persons)
    {
        var at = Time.Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = $$"""{"sensorId":"{{zone}}-occ","timestamp":"{{at}}","value":{{persons.ToString(CultureInfo.InvariantCulture)}}}""";
        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson(body))).EnsureSuccessStatusCode();
        await StepAsync();
    }

    /// <summary>The listed alert with <paramref name="key"/>.</summary>
    internal async Task<AlertDto?> AlertAsync(string key) =>
        (await Services.GetRequiredService<AlertBook>().ListAsync(false, CancellationToken.None)).FirstOrDefault(a => a.Key == key);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton(new ServerClock(Time, ClockMode.Live)));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
