namespace Surgewatch.Core.Series;

/// <summary>
/// The identifier of a counting or measuring station (a pedestrian counter, a road loop, a network cell).
/// It names a place, never a person or a personal device: 1–64 characters from letters, digits and
/// <c>._:-</c>. Adapters reject identifiers that look like personal data before they get here.
/// </summary>
public readonly record struct SensorId : IComparable<SensorId>
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    /// <summary>Creates an identifier, throwing <see cref="ArgumentException"/> when <paramref name="value"/> is not valid.</summary>
    public SensorId(string value)
    {
        if (!IsValid(value, out var reason))
        {
            throw new ArgumentException($"'{value}' is not a valid sensor id: {reason}.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The identifier text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Checks <paramref name="value"/> without throwing; <paramref name="reason"/> says what is wrong.</summary>
    public static bool IsValid(string? value, out string reason)
    {
        if (string.IsNullOrEmpty(value))
        {
            reason = "it is empty";
            return false;
        }

        if (value.Length > MaxLength)
        {
            reason = $"it is longer than {MaxLength} characters";
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            {
                reason = $"character '{c}' is not allowed (use letters, digits and . _ : -)";
                return false;
            }
        }

        reason = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(SensorId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
