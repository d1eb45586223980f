namespace Surgewatch.Server.Demo;

/// <summary>What a host needs to know about the built-in demo city before starting it.</summary>
public static class DemoCityInfo
{
    /// <summary>The IANA time zone of the demo city's labels.</summary>
    public const string SiteZone = Testing.SyntheticCity.SyntheticZones.SiteZone;
}
