namespace Surgewatch.Core.Series;

/// <summary>
/// The one explicit marker of a missing value on a regular grid. Series hold <see cref="double"/> values so
/// that hot paths stay on plain arrays; a slot without a reading holds <see cref="Value"/>, and every
/// consumer tests it with <see cref="Is"/>. Zero is a real value, never "missing".
/// </summary>
public static class Missing
{
    /// <summary>The marker stored in a slot that has no reading.</summary>
    public const double Value = double.NaN;

    /// <summary>True when <paramref name="value"/> marks a missing reading.</summary>
    public static bool Is(double value) => double.IsNaN(value);
}
