using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Monitoring;

/// <summary>Classifies density and flow against a zone's levels into ok / warning / alarm / critical / nodata.</summary>
internal static class ZoneLevelNames
{
    public const string NoData = "nodata";
    public const string Ok = "ok";

    public static string Of(Severity? severity) => severity switch
    {
        Severity.Warning => "warning",
        Severity.Alarm => "alarm",
        Severity.Critical => "critical",
        _ => Ok,
    };

    public static Severity? Classify(ZoneLevels levels, double? density, double? flow)
    {
        var byDensity = density is { } d ? levels.SeverityOf(ZoneMeasure.Density, d) : null;
        var byFlow = flow is { } f ? levels.SeverityOf(ZoneMeasure.Flow, f) : null;
        return byDensity is null ? byFlow : byFlow is null ? byDensity : (Severity)Math.Max((int)byDensity, (int)byFlow);
    }

    public static string Name(ZoneLevels levels, double? density, double? flow) =>
        density is null && flow is null ? NoData : Of(Classify(levels, density, flow));
}
