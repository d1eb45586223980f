using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Retraining;

namespace Surgewatch.Cli.Common;

/// <summary>Parsing of option values shared by several commands.</summary>
internal static class CliParsing
{
    /// <summary>Parses a date (<c>2014-01-01</c>) or a local label (<c>2014-01-01T06:00</c>) given for <paramref name="option"/>.</summary>
    public static TimeLabel ParseLabel(string text, string option)
    {
        if (TimeLabelParser.TryParse(text.AsSpan(), TimeZoneInfo.Utc, out var label, out var reason))
        {
            return label;
        }

        throw new UserInputException($"{option} '{text}': {reason}.");
    }

    /// <summary>
    /// Parses a refit interval given for <paramref name="option"/> (<c>--refit-every</c>) with the grammar of
    /// <c>train --every</c> (<see cref="RetrainPolicy.Parse"/>), intervals only: <c>7d</c>, <c>24h</c>, <c>90m</c>. Null stays null.
    /// </summary>
    public static TimeSpan? ParseRefitInterval(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        RetrainPolicy policy;
        try
        {
            policy = RetrainPolicy.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"{option}: {e.Message}");
        }

        return policy.Interval
            ?? throw new UserInputException($"{option} '{text}': give an interval such as 7d or 28d; a daily@HH time of day is a schedule, not an interval.");
    }

    /// <summary>An interval as <see cref="ParseRefitInterval"/> reads it: <c>7d</c>, <c>36h</c> or <c>90m</c>.</summary>
    public static string FormatInterval(TimeSpan interval) =>
        interval.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.Ticks / TimeSpan.TicksPerDay}d")
        : interval.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.Ticks / TimeSpan.TicksPerHour}h")
        : string.Create(CultureInfo.InvariantCulture, $"{interval.TotalMinutes:0.###}m");

    /// <summary>Refuses <paramref name="path"/> when it is neither a file nor a folder; <paramref name="prefix"/> names the option, if any.</summary>
    public static void RequireFileOrFolder(string path, string prefix)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new UserInputException($"{prefix}'{path}': no such file or folder.");
        }
    }
}
