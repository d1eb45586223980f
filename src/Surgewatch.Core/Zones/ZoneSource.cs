using Surgewatch.Core.Series;

namespace Surgewatch.Core.Zones;

/// <summary>One sensor feeding a zone.</summary>
/// <param name="Sensor">The sensor whose readings are used.</param>
/// <param name="Role">What its readings mean for the zone.</param>
/// <param name="Factor">
/// Multiplies the readings: the calibration from devices to persons for <see cref="ZoneSourceRole.CellDevices"/>
/// (for example 1.3 when 1 in 1.3 people carries a device on that network), otherwise a correction, normally 1.
/// </param>
public sealed record ZoneSource(SensorId Sensor, ZoneSourceRole Role, double Factor = 1.0)
{
    /// <summary>Checks the source and returns it.</summary>
    /// <exception cref="ArgumentException">The role is unknown or the factor is not a positive finite number.</exception>
    public ZoneSource Validated()
    {
        if (!Enum.IsDefined(Role))
        {
            throw new ArgumentException($"Zone source '{Sensor}' has an unknown role {(int)Role}.", nameof(Role));
        }

        if (!(double.IsFinite(Factor) && Factor > 0))
        {
            throw new ArgumentException($"Zone source '{Sensor}' has factor {Factor}; it must be a positive number.", nameof(Factor));
        }

        return this;
    }
}
