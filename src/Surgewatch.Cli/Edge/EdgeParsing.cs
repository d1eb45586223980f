using System.Globalization;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Edge;

namespace Surgewatch.Cli.Edge;

/// <summary>Option values of the <c>edge</c> commands.</summary>
internal static class EdgeParsing
{
    /// <summary>An interval such as <c>1min</c>, <c>30s</c>, <c>5m</c> or <c>1h</c>.</summary>
    public static TimeSpan ParseEvery(string text)
    {
        if (Span(text) is { } every && every > TimeSpan.Zero && TimeSpan.FromDays(1).Ticks % every.Ticks == 0)
        {
            return every;
        }

        throw new UserInputException($"--every '{text}': give an interval that divides a day, such as 30s, 1min, 5min or 1h.");
    }

    /// <summary>How long a file run waits for the buffer to empty: <c>30s</c>, <c>2min</c>, or <c>0s</c> not to wait.</summary>
    public static TimeSpan ParseDrain(string text) =>
        Span(text) ?? throw new UserInputException($"--drain '{text}': give a time such as 0s, 30s or 2min.");

    /// <summary>A whole number of seconds, minutes or hours (<c>30s</c>, <c>1min</c>, <c>5m</c>, <c>1h</c>), or null.</summary>
    private static TimeSpan? Span(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || !int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return text[digits..] switch
        {
            "s" or "sec" => TimeSpan.FromSeconds(n),
            "m" or "min" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => null,
        };
    }

    /// <summary>The region, or null for the whole frame.</summary>
    public static CountingRegion? Region(string? text, int width, int height) =>
        text is null ? null : Geometry(() => CountingRegion.Parse(text, width, height));

    /// <summary>The line, or null.</summary>
    public static CountingLine? Line(string? text, int width, int height) =>
        text is null ? null : Geometry(() => CountingLine.Parse(text, width, height));

    /// <summary>The perspective calibration, or null.</summary>
    public static PerspectiveModel? Perspective(string? text) =>
        text is null ? null : Geometry(() => PerspectiveModel.Parse(text));

    /// <summary>The labels file of <c>edge evaluate</c>: header <c>frame,people</c>, one labelled frame per line.</summary>
    public static SortedDictionary<int, int> ReadLabels(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"--labels '{path}': no such file.");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != "frame,people")
        {
            throw new UserInputException($"--labels '{path}': the first line must be the header 'frame,people'.");
        }

        var labels = new SortedDictionary<int, int>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 2
                || !int.TryParse(cells[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var frame)
                || !int.TryParse(cells[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var people)
                || !labels.TryAdd(frame, people))
            {
                throw new UserInputException($"--labels '{path}', line {i + 1}: expected 'frame,people' with a new 0-based frame index and a count, got '{lines[i]}'.");
            }
        }

        return labels;
    }

    private static T Geometry<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (EdgeGeometryException e)
        {
            throw new UserInputException(e.Message);
        }
    }
}
