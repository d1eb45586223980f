namespace Surgewatch.Core.Zones;

/// <summary>What a zone's level is measured in.</summary>
public enum ZoneMeasure
{
    /// <summary>Crowd density in persons per square metre.</summary>
    Density = 0,

    /// <summary>Specific flow in persons per metre of width per minute.</summary>
    Flow = 1,
}
