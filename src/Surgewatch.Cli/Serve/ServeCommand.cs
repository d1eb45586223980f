using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Cli.Serve;

/// <summary><c>surgewatch serve</c>: runs the HTTP API over the embedded store until stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    /// <summary>Where the server listens unless --urls says otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var db = StoreOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, ';'-separated (default {DefaultUrl}, this machine only; use http://0.0.0.0:PORT to listen on every interface).",
            DefaultValueFactory = _ => DefaultUrl,
        };
        var command = new Command("serve", "Serve the HTTP API (/api/v1, OpenAPI at /openapi/v1.json, docs at /api/docs). On a new store the first admin key comes from SURGEWATCH_BOOTSTRAP_KEY, or is generated and printed once.")
        {
            db, urls,
        };
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, () =>
            RunAsync(context, result.GetValue(db)!, result.GetValue(urls)!, cancellation)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo db, string urls, CancellationToken cancellation)
    {
        await using var app = SurgewatchServer.Build([], builder =>
        {
            builder.Configuration[$"{ServerOptions.Section}:{nameof(ServerOptions.Database)}"] = db.FullName;
            builder.WebHost.UseUrls(urls);
            builder.Services.Configure<ServerOptions>(o => o.AnnounceGeneratedKey = key => AnnounceKey(context, key));
        });
        await app.StartAsync(cancellation);
        foreach (var url in app.Urls)
        {
            context.Console.MarkupLineInterpolated($"Surgewatch API listening on [bold]{url}[/] (docs: {url}/api/docs), store {db.FullName}. Press Ctrl+C to stop.");
        }

        await app.WaitForShutdownAsync(cancellation);
        return 0;
    }

    private static void AnnounceKey(CliContext context, string key)
    {
        context.Console.MarkupLine("[yellow]Created the first admin API key. It is shown only now; store it safely:[/]");
        context.Console.WriteLine("  " + key);
    }
}
