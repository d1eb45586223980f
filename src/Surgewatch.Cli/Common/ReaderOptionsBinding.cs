using System.CommandLine;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion;

namespace Surgewatch.Cli.Common;

/// <summary>The reader options shared by commands that read data files: --kind, --step and --site-zone.</summary>
internal sealed class ReaderOptionsBinding
{
    private readonly Option<string> _kind = new("--kind")
    {
        Description = "What the values measure: pedestrian-count, device-count, road-speed, road-flow or occupancy.",
        DefaultValueFactory = _ => "pedestrian-count",
    };

    private readonly Option<string?> _step = new("--step") { Description = "The series step, e.g. 1h, 15min, 5min (default: inferred from the data)." };

    private readonly Option<string> _siteZone = new("--site-zone")
    {
        Description = "IANA time zone of the sites, used to turn timestamps with an offset into local labels.",
        DefaultValueFactory = _ => "UTC",
    };

    public void AddTo(Command command)
    {
        command.Add(_kind);
        command.Add(_step);
        command.Add(_siteZone);
    }

    public ReaderOptions Read(ParseResult result) => ReaderOptions.Default with
    {
        Kind = ParseKind(result.GetValue(_kind) ?? "pedestrian-count"),
        Step = result.GetValue(_step) is { } step ? ParseStep(step) : null,
        SiteZone = ParseZone(result.GetValue(_siteZone) ?? "UTC"),
    };

    internal static SensorKind ParseKind(string text) => text.ToLowerInvariant() switch
    {
        "pedestrian-count" => SensorKind.PedestrianCount,
        "device-count" => SensorKind.DeviceCount,
        "road-speed" => SensorKind.RoadSpeed,
        "road-flow" => SensorKind.RoadFlow,
        "occupancy" => SensorKind.Occupancy,
        _ => throw new UserInputException($"--kind '{text}': use pedestrian-count, device-count, road-speed, road-flow or occupancy."),
    };

    internal static TimeSpan ParseStep(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var (number, unit) = t.EndsWith("min", StringComparison.Ordinal) ? (t[..^3], 60)
            : t.EndsWith('h') ? (t[..^1], 3600)
            : t.EndsWith('s') ? (t[..^1], 1)
            : (t, 0);
        if (unit == 0 || !int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new UserInputException($"--step '{text}': write a whole number with h, min or s, e.g. 1h, 15min, 5min.");
        }

        var step = TimeSpan.FromSeconds((long)n * unit);
        if (86_400 % (long)step.TotalSeconds != 0)
        {
            throw new UserInputException($"--step '{text}': a step must divide a day evenly.");
        }

        return step;
    }

    private static TimeZoneInfo ParseZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new UserInputException($"--site-zone '{id}': not a known time zone id (e.g. Australia/Melbourne, Europe/Dublin, UTC).");
        }
    }
}
