using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Cli.Serve;

/// <summary>
/// <c>surgewatch serve [--demo | --replay DIR] [--speed N]</c>: runs the HTTP API, the live hub and the dashboard
/// over the embedded store until stopped (Ctrl+C).
/// </summary>
internal static class ServeCommand
{
    /// <summary>Where the server listens unless --urls says otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The demo's store when --db is not given: a fresh file in the temporary folder, so a demo never mixes with real data.</summary>
    public const string DemoStoreName = "surgewatch-demo.db";

    public static Command Create(CliContext context)
    {
        var db = StoreOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ';'-separated; 127.0.0.1 is this machine only (http://0.0.0.0:PORT listens on every interface).",
            DefaultValueFactory = _ => DefaultUrl,
        };
        var demo = new Option<bool>("--demo") { Description = "Play the built-in synthetic city at accelerated time (a surge on the riverside turns dangerous within about two minutes)." };
        var replay = new Option<DirectoryInfo?>("--replay") { Description = "Play a data folder (such as ../shared/data/pedestrians/melbourne) through the ingest path at accelerated time." };
        var speed = new Option<double>("--speed")
        {
            Description = "Simulated seconds per real second in --demo or --replay mode.",
            DefaultValueFactory = _ => 60,
        };
        var retrain = new Option<string?>("--retrain")
        {
            Description = "Train the best model again on this schedule (24h, 7d, daily@03 in UTC, on the server clock), as train --every does; the new model is deployed at once.",
        };
        var siteZone = new Option<string?>("--site-zone")
        {
            Description = "The sites' IANA time zone (e.g. Australia/Melbourne): timestamps without an offset are its local time, replies give times with its offset, and the clock and the replay run in it (default UTC; the demo uses its city's). Give it with --replay: a folder's labels are the sites' local time.",
        };
        var speedUnit = new Option<string?>("--speed-unit")
        {
            Description = "The unit the road speeds are in, km/h (default) or mph: they are stored as ingested, and the dashboard and the API name this unit (../shared/data/traffic/los-loop is mph).",
        };
        var historyDays = new Option<int?>("--history-days")
        {
            Description = "With --replay: days of the folder stored as history before the clock starts (default 120; the surge rule needs 90 days of a counter to set its threshold).",
        };
        var kind = new Option<string?>("--kind")
        {
            Description = "With --replay: what the folder's values measure: pedestrian-count (default), device-count, road-speed, road-flow or occupancy (../shared/data/traffic/los-loop is road-speed).",
        };
        var basemap = new Option<FileInfo?>("--basemap")
        {
            Description = "A PMTiles extract of your area (e.g. from `pmtiles extract`) that the dashboard draws as its offline base map; served from this server with range requests.",
        };
        var attribution = new Option<string?>("--attribution")
        {
            Description = "The attribution open data (/api/v1/open) names, e.g. \"City of Melbourne\" (default: the one the --replay folder's README states, else Surgewatch's own).",
        };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Join a cluster whose membership is kept in this Redis server (redis://HOST:PORT): each zone's live step runs on one node at a time. Needs a PostgreSQL --db that every node shares.",
        };
        var siloPort = new Option<int?>("--silo-port") { Description = $"With --cluster: the port the nodes talk to each other on (default {Cluster.ClusterSettings.DefaultSiloPort})." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = $"With --cluster: the Orleans client gateway's port (default {Cluster.ClusterSettings.DefaultGatewayPort})." };
        var command = new Command("serve", "Serve the dashboard, the HTTP API (/api/v1, OpenAPI at /openapi/v1.json, docs at /api/docs) and live updates (/hubs/live). On a new store the first admin key comes from SURGEWATCH_BOOTSTRAP_KEY, or is generated and printed once.")
        {
            db, urls, demo, replay, speed, retrain, siteZone, speedUnit, historyDays, kind, basemap, attribution, cluster, siloPort, gatewayPort,
        };
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, () =>
        {
            var mode = new ServeMode(result.GetValue(demo), result.GetValue(replay), result.GetValue(speed), result.GetValue(retrain))
            {
                SiteZone = result.GetValue(siteZone),
                SpeedUnit = result.GetValue(speedUnit),
                HistoryDays = result.GetValue(historyDays),
                Attribution = result.GetValue(attribution),
                Kind = result.GetValue(kind) is { } k ? ReaderOptionsBinding.ParseKind(k) : null,
            };
            var store = mode.Demo && result.GetResult(db) is null or { Implicit: true } ? Path.Combine(Path.GetTempPath(), DemoStoreName) : result.GetValue(db)!;
            var joining = result.GetValue(cluster) is { } redis
                ? ClusterServe.Settings(redis, result.GetValue(siloPort), result.GetValue(gatewayPort), store, result.GetValue(urls)!)
                : null;
            return RunAsync(context, store, result.GetValue(urls)!, mode, result.GetValue(basemap), joining, cancellation);
        }));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string db, string urls, ServeMode mode, FileInfo? basemap, Cluster.ClusterSettings? cluster, CancellationToken cancellation)
    {
        mode.Validate();
        ListenAddresses.EnsureAvailable(urls);
        if (StoreOption.IsPostgres(db))
        {
            // Reach (and migrate) the database before anything starts: a server that cannot be reached is one line and exit code 2.
            StoreOption.Open(db).Dispose();
        }
        else
        {
            db = Path.GetFullPath(db);
            if (mode.Demo)
            {
                DeleteStore(db);
            }
        }

        // No watching of the configuration files for changes: the store usually lives in the current folder (the
        // content root), and watching it made every write to the database wake a file-system watcher.
        await using var app = SurgewatchServer.Build(["--hostBuilder:reloadConfigOnChange=false"], builder =>
        {
            builder.Configuration[$"{ServerOptions.Section}:{nameof(ServerOptions.Database)}"] = db;
            mode.Configure(builder.Configuration);
            if (basemap is not null)
            {
                builder.Configuration[$"{ServerOptions.Section}:{nameof(ServerOptions.Basemap)}"] = basemap.FullName;
            }

            builder.WebHost.UseUrls(urls);
            if (cluster is not null)
            {
                ClusterServe.Apply(builder, cluster);
            }

            builder.Services.Configure<ServerOptions>(o => o.AnnounceGeneratedKey = key => AnnounceKey(context, key));
        });
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e) when (e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel's "Failed to bind to address …: address already in use": a setting to change, not a crash.
            throw new UserInputException($"{e.Message} Choose another address with --urls.");
        }

        foreach (var url in app.Urls)
        {
            var node = cluster is null ? "" : $" (cluster node {cluster.Advertised}:{cluster.SiloPort})";
            context.Console.MarkupLineInterpolated($"Surgewatch {mode.Name}{node} listening on [bold]{url}[/] (dashboard {url}/, API docs {url}/api/docs), store {StoreOption.Describe(db)}. Press Ctrl+C to stop.");
        }

        await app.WaitForShutdownAsync(cancellation);
        return 0;
    }

    private static void DeleteStore(string db)
    {
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(db + suffix);
        }
    }

    private static void AnnounceKey(CliContext context, string key)
    {
        context.Console.MarkupLine("[yellow]Created the first admin API key. It is shown only now; store it safely:[/]");
        context.Console.WriteLine("  " + key);
    }
}
