namespace Surgewatch.Core.Series;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPoint
{
    /// <summary>Creates a point, throwing when a coordinate is out of range.</summary>
    public GeoPoint(double latitude, double longitude)
    {
        if (!(latitude is >= -90 and <= 90))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must lie in [-90, 90].");
        }

        if (!(longitude is >= -180 and <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must lie in [-180, 180].");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north of the equator.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east of Greenwich.</summary>
    public double Longitude { get; }
}
