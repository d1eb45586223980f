using Microsoft.Extensions.Configuration;
using Surgewatch.Cli.Common;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Cli.Serve;

/// <summary>Which of live, demo or replay mode <c>serve</c> runs, and at what speed.</summary>
internal sealed record ServeMode(bool Demo, DirectoryInfo? Replay, double Speed)
{
    public string Name => Demo ? "demo" : Replay is not null ? "replay" : "API";

    /// <exception cref="UserInputException">--demo and --replay together, a missing folder, or a bad speed.</exception>
    public void Validate()
    {
        if (Demo && Replay is not null)
        {
            throw new UserInputException("Give --demo or --replay DIR, not both.");
        }

        if (Replay is { Exists: false })
        {
            throw new UserInputException($"The replay folder '{Replay.FullName}' does not exist.");
        }

        if (!(double.IsFinite(Speed) && Speed > 0 && Speed <= 10_000))
        {
            throw new UserInputException($"--speed must be above 0 and at most 10000, not {Speed}.");
        }
    }

    public void Configure(ConfigurationManager configuration)
    {
        var section = ServerOptions.Section;
        configuration[$"{section}:{nameof(ServerOptions.Mode)}"] = Demo ? "Demo" : Replay is not null ? "Replay" : "Live";
        configuration[$"{section}:{nameof(ServerOptions.Speed)}"] = Speed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Demo)
        {
            configuration[$"{section}:{nameof(ServerOptions.SiteZone)}"] = Server.Demo.DemoCityInfo.SiteZone;
        }

        if (Replay is not null)
        {
            configuration[$"{section}:{nameof(ServerOptions.ReplayFolder)}"] = Replay.FullName;
        }
    }
}
