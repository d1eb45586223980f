using System.Globalization;
using Surgewatch.Core.Series;

namespace Surgewatch.Ingestion.Text;

/// <summary>
/// Parses invariant-culture numbers from UTF-8 and accepts only values plausible for the sensor's kind
/// (<see cref="PlausibleValues"/>): finite, not negative, within the kind's bound, whole for people and device counts.
/// </summary>
internal static class ValueParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, SensorKind kind, out double value, out string problem)
    {
        if (!TryParseWholeNumber(text, out value)
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            problem = Utf8Text.Trim(text).IsEmpty ? "the value is empty" : $"{Utf8Text.Quote(text)} is not a number";
            return false;
        }

        if (!PlausibleValues.IsPlausible(kind, value, out var implausible))
        {
            problem = $"{Utf8Text.Quote(text)} {implausible}";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>The fast path for counts: up to 15 plain digits, exact in a double.</summary>
    private static bool TryParseWholeNumber(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 15)
        {
            return false;
        }

        long n = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            n = (n * 10) + digit;
        }

        value = n;
        return true;
    }
}
