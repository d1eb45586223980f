namespace Surgewatch.Testing.SyntheticCity;

/// <summary>The kind of place a synthetic counter watches, which sets the shape of its day and week.</summary>
public enum SensorProfile
{
    /// <summary>A station approach: sharp weekday peaks at 08:00 and 17:30, quiet weekends.</summary>
    Commuter,

    /// <summary>A shopping street: a broad midday hump, busiest on Saturdays.</summary>
    Retail,

    /// <summary>A bar district: evening and late-night peaks on Fridays and Saturdays.</summary>
    Nightlife,

    /// <summary>A riverside promenade: weekend afternoons, and the crowds of scheduled events.</summary>
    Riverside,
}
