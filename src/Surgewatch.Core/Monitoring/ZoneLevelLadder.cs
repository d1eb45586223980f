using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// The one ladder from a zone's density and flow to its <see cref="ZoneLevel"/>, over the zone's own
/// <see cref="ZoneLevels"/>: the live monitor, the forecast level, the briefing and every view use it.
/// </summary>
public static class ZoneLevelLadder
{
    /// <summary>The level <paramref name="value"/> of <paramref name="measure"/> reaches (Ok below warning; NaN is Ok too, callers decide NoData).</summary>
    public static ZoneLevel Of(ZoneLevels levels, ZoneMeasure measure, double value)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return levels.SeverityOf(measure, value) switch
        {
            Severity.Critical => ZoneLevel.Critical,
            Severity.Alarm => ZoneLevel.Alarm,
            Severity.Warning => ZoneLevel.Warning,
            _ => ZoneLevel.Ok,
        };
    }

    /// <summary>The worse of the levels the density and the flow reach; NoData when neither is known.</summary>
    public static ZoneLevel Of(ZoneLevels levels, double? density, double? flow)
    {
        if (density is null && flow is null)
        {
            return ZoneLevel.NoData;
        }

        var byDensity = density is { } d ? Of(levels, ZoneMeasure.Density, d) : ZoneLevel.Ok;
        var byFlow = flow is { } f ? Of(levels, ZoneMeasure.Flow, f) : ZoneLevel.Ok;
        return (ZoneLevel)Math.Max((int)byDensity, (int)byFlow);
    }

    /// <summary>The level's name as the API and the dashboard write it: <c>ok</c>, <c>warning</c>, <c>alarm</c>, <c>critical</c>, <c>no-data</c> (kebab-case, as every enum the API writes).</summary>
    public static string Name(ZoneLevel level) => level switch
    {
        ZoneLevel.Warning => "warning",
        ZoneLevel.Alarm => "alarm",
        ZoneLevel.Critical => "critical",
        ZoneLevel.NoData => "no-data",
        _ => "ok",
    };

    /// <summary>The level <see cref="Name"/> writes as <paramref name="name"/>; NoData for any other text.</summary>
    public static ZoneLevel Parse(string name) => name switch
    {
        "ok" => ZoneLevel.Ok,
        "warning" => ZoneLevel.Warning,
        "alarm" => ZoneLevel.Alarm,
        "critical" => ZoneLevel.Critical,
        _ => ZoneLevel.NoData,
    };

    /// <summary>The level's place in severity order: -1 for NoData, below Ok (0), up to Critical (3).</summary>
    public static int Rank(ZoneLevel level) => level == ZoneLevel.NoData ? -1 : (int)level;
}
