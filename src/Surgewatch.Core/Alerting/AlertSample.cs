namespace Surgewatch.Core.Alerting;

/// <summary>One input to a rule's evaluation: a value (observed, or the forecast's upper bound), or no data.</summary>
/// <param name="Value">The value, or null when no source reported. Never NaN.</param>
public readonly record struct AlertSample(double? Value)
{
    /// <summary>No source reported for this evaluation.</summary>
    public static AlertSample NoData => default;

    /// <summary>Whether a value is present.</summary>
    public bool HasValue => Value.HasValue;

    /// <summary>A sample of <paramref name="value"/>; NaN (the missing marker) becomes <see cref="NoData"/>.</summary>
    public static AlertSample Of(double value) => double.IsNaN(value) ? NoData : new AlertSample(value);
}
