using Surgewatch.Core.Calendar;

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

    /// <summary>Refuses <paramref name="path"/> when it is neither a file nor a folder; <paramref name="prefix"/> names the option, if any.</summary>
    public static void RequireFileOrFolder(string path, string prefix)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new UserInputException($"{prefix}'{path}': no such file or folder.");
        }
    }
}
