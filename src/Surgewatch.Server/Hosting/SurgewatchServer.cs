using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Surgewatch.Core.Live;
using Surgewatch.Core.Access;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Live;
using Surgewatch.Server.Monitoring;
using Surgewatch.Server.Silences;
using Surgewatch.Server.Zones;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Dashboard;
using Surgewatch.Server.Docs;
using Surgewatch.Server.Forecasts;
using Surgewatch.Server.Health;
using Surgewatch.Server.Metrics;
using Surgewatch.Server.Readings;
using Surgewatch.Server.Sensors;

namespace Surgewatch.Server.Hosting;

/// <summary>Composes the HTTP API: services, middleware and the endpoints of each feature folder.</summary>
public static class SurgewatchServer
{
    /// <summary>The prefix of the versioned API.</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>Builds the application; <paramref name="configure"/> may adjust the builder (URLs, settings) first.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        LogDefaults.Apply(builder);
        configure?.Invoke(builder);
        KeyBootstrapper.CheckConfigured(builder.Configuration);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ServerOptions.Section);
        builder.Services.AddOptions<ServerOptions>().Bind(section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.SiteZone, out _), $"{ServerOptions.Section}:{nameof(ServerOptions.SiteZone)} must be an IANA time zone such as Australia/Melbourne.")
            .Validate(o => Core.Series.SensorUnits.IsSpeedUnit(o.SpeedUnit), $"{ServerOptions.Section}:{nameof(ServerOptions.SpeedUnit)} must be km/h or mph.")
            .Validate(o => o.Attribution is null || !Ingestion.Privacy.PrivacyGuard.ContainsPersonalIdentifier(o.Attribution, out _),
                $"{ServerOptions.Section}:{nameof(ServerOptions.Attribution)} is published with the open data and must not hold a personal identifier (an e-mail address, a phone number); name the publisher, such as City of Melbourne.")
            .Validate(o => IsRetrainPolicy(o.Retrain), $"{ServerOptions.Section}:{nameof(ServerOptions.Retrain)} must be an interval such as 24h, 90m or 7d, or daily@HH (UTC hour), e.g. daily@03.")
            .Validate(o => o.ZonePendingFor >= TimeSpan.Zero && o.ZonePendingFor <= TimeSpan.FromHours(1), $"{ServerOptions.Section}:{nameof(ServerOptions.ZonePendingFor)} must lie between 00:00:00 and 01:00:00, such as 00:05:00.")
            .Validate(o => o.MaxBodyBytes > 0 && o.RateLimitPermits > 0 && o.RateLimitWindow > TimeSpan.Zero && o.MaxAlertEvents > 0 && o.MaxSilenceDays > 0 && o.HistoryDays > 0, "Body limit, rate limit, alert limit, MaxSilenceDays and HistoryDays must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ServerOptions>, Basemap.BasemapValidation>();
        var settings = section.Get<ServerOptions>() ?? new ServerOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });

        builder.Services.AddSingleton(services => ServerClocks.Create(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value));
        builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<ServerClock>());
        builder.Services.AddSingleton<ClockDtos>();
        builder.Services.AddSingleton(services => OpenData.OpenDataTerms.Of(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value));
        builder.Services.AddSingleton<DemoSession>();
        StoreRegistration.Add(builder.Services, settings.Database);
        builder.Services.AddSingleton<Audit.AuditTrail>();
        builder.Services.AddOptions<Notifications.NotificationSettings>().Bind(builder.Configuration.GetSection(Notifications.NotificationSettings.Section));
        builder.Services.AddHttpClient("webhook");
        builder.Services.AddSingleton<Notifications.NotificationDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Notifications.NotificationDispatcher>());
        builder.Services.AddSingleton<ApiKeyAuthenticator>();
        ApiKeyPolicies.Add(builder.Services);
        MetricsEndpoints.Add(builder.Services);
        builder.Services.AddHostedService<KeyBootstrapper>();
        AddLive(builder.Services);
        AddDeployment(builder.Services);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(ApiEnums.Converter()));
        builder.Services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<ServerMetrics, ILoggerFactory>((json, metrics, logs) =>
            json.SerializerOptions.Converters.Add(new FiniteNumberConverter(metrics, logs.CreateLogger<FiniteNumberConverter>())));
        builder.Services.AddOpenApi("v1", options =>
        {
            ApiKeyOpenApi.Configure(options);
            ApiDocsOpenApi.Configure(options);
            ApiDocsExamples.Configure(options);
        });
        builder.Services.AddRateLimiter(RateLimits.Configure);
    }

    private static bool IsRetrainPolicy(string? text)
    {
        try
        {
            _ = new ServerOptions { Retrain = text }.RetrainPolicy();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void AddDeployment(IServiceCollection services)
    {
        services.AddSingleton<Deployment.LiveDeployment>();
        services.AddSingleton<Deployment.RoadDeployment>();
        services.AddSingleton<Deployment.HistoryGate>();
        services.AddHostedService<Deployment.DeploymentService>();
        services.AddHostedService<Deployment.TrainingService>();
    }

    private static void AddLive(IServiceCollection services)
    {
        services.AddSignalR();
        services.AddOptions<Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions>().Configure<ServerMetrics, ILoggerFactory>((json, metrics, logs) =>
        {
            json.PayloadSerializerOptions.Converters.Add(ApiEnums.Converter());
            json.PayloadSerializerOptions.Converters.Add(new FiniteNumberConverter(metrics, logs.CreateLogger<FiniteNumberConverter>()));
        });
        services.TryAddSingleton(LiveReach.ThisNode);
        services.AddSingleton<LiveNotifier>();
        services.AddSingleton<LiveAudience>();
        // A cluster node (serve --cluster) registers its own before these services are added; one node holds every zone.
        services.TryAddSingleton<Core.Cluster.IZoneOwnership, Cluster.EveryZone>();
        services.TryAddSingleton<Cluster.NothingShared>();
        services.TryAddSingleton<Core.Cluster.IZoneStatusShare>(s => s.GetRequiredService<Cluster.NothingShared>());
        services.TryAddSingleton<Core.Cluster.IModelsOutlookShare>(s => s.GetRequiredService<Cluster.NothingShared>());
        services.TryAddSingleton<Core.Cluster.IReadingsRelay>(s => s.GetRequiredService<Cluster.NothingShared>());
        services.TryAddSingleton<Core.Cluster.IAlertShare, Cluster.NoAlertShare>();
        services.AddSingleton<RecentReadings>();
        services.AddSingleton<ZoneCatalog>();
        services.AddSingleton<Cluster.ReadingsCatchUp>();
        services.AddSingleton<MonitorSignal>();
        services.AddSingleton<ZoneStatusBoard>();
        services.AddSingleton<SilenceBook>();
        services.AddSingleton<AlertBook>();
        services.AddSingleton<Cluster.AlertDesk>();
        services.AddSingleton<Core.Cluster.IAlertDesk>(s => s.GetRequiredService<Cluster.AlertDesk>());
        services.AddSingleton<Cluster.SharedAlerts>();
        services.AddHostedService<Cluster.AlertShareService>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<Core.Cluster.IRelayedReadings>(s => s.GetRequiredService<IngestPipeline>());
        services.AddSingleton<KnownSensors>();
        services.AddSingleton<ZoneSeries.ZoneForecasts>();
        services.AddSingleton<ZoneSeries.ForecastBroadcaster>();
        services.AddHostedService(s => s.GetRequiredService<ZoneSeries.ForecastBroadcaster>());
        services.AddSingleton<ReadingsBroadcaster>();
        services.AddHostedService(s => s.GetRequiredService<ReadingsBroadcaster>());
        services.AddSingleton<MonitoringService>();
        services.AddHostedService(s => s.GetRequiredService<MonitoringService>());
        services.AddHostedService<Demo.DemoFeeder>();
        services.AddHostedService<Demo.ReplayFeeder>();
    }

    // Order matters: headers on every reply; authentication before the rate limit (which partitions by the key it
    // found) and the limit before authorization and the endpoints, so that neither a refused nor an anonymous
    // request has its body read.
    private static void UsePipeline(WebApplication app)
    {
        SecurityHeaders.Use(app);
        RequestLog.Use(app);
        MetricsEndpoints.UseRequestTiming(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        DashboardAssets.Use(app);
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        ApiDocsPage.Map(app);
        GuidePages.Map(app);
        HealthEndpoint.Map(app);
        MetricsEndpoints.Map(app);

        var api = app.MapGroup(ApiPrefix);
        IngestEndpoint.Map(api);
        ReadingsQueryEndpoint.Map(api);
        SensorsEndpoint.Map(api);
        ForecastsEndpoint.Map(api);
        AlertsEndpoint.Map(api);
        AlertKeyProblems.Map(api);
        KeyEndpoints.Map(api);
        ZonesEndpoints.Map(api);
        SilencesEndpoints.Map(api);
        Audit.AuditEndpoint.Map(api);
        ClockEndpoints.Map(api);
        ZoneSeries.ZoneSeriesEndpoint.Map(api);
        OpenData.OpenDataEndpoints.Map(api);
        Briefing.BriefingEndpoint.Map(api);
        Deployment.DeploymentEndpoints.Map(api);
        Basemap.BasemapEndpoints.Map(api);
        Roads.RoadsEndpoints.Map(api);
        Cluster.ClusterEndpoints.Map(api);
        app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(ApiKeyPolicies.Read);
    }
}
