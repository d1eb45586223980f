using Surgewatch.Core.Series;

namespace Surgewatch.Core.Zones;

/// <summary>
/// The identifier of a zone (a square, a concourse, a platform): 1–64 characters from letters, digits and
/// <c>._:-</c>, the same rules as <see cref="SensorId"/>.
/// </summary>
public readonly record struct ZoneId : IComparable<ZoneId>
{
    private readonly string? _value;

    /// <summary>Creates an identifier, throwing <see cref="ArgumentException"/> when <paramref name="value"/> is not valid.</summary>
    public ZoneId(string value)
    {
        if (!IsValid(value, out var reason))
        {
            throw new ArgumentException($"'{value}' is not a valid zone id: {reason}.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The identifier text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Checks <paramref name="value"/> without throwing; <paramref name="reason"/> says what is wrong.</summary>
    public static bool IsValid(string? value, out string reason) => SensorId.IsValid(value, out reason);

    /// <inheritdoc />
    public int CompareTo(ZoneId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
