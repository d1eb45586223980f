using Surgewatch.Core.Calendar;

namespace Surgewatch.Ingestion.Text;

/// <summary>
/// Parses timestamps with <see cref="TimeLabelParser"/>, remembering the last one: long files repeat each
/// timestamp once per sensor, so most rows are a byte comparison.
/// </summary>
internal sealed class TimestampParser(TimeZoneInfo siteZone)
{
    private readonly byte[] _last = new byte[64];
    private int _lastLength = -1;
    private TimeLabel _lastLabel;

    public bool TryParse(ReadOnlySpan<byte> text, out TimeLabel label, out string problem)
    {
        if (text.Length == _lastLength && text.SequenceEqual(_last.AsSpan(0, _lastLength)))
        {
            label = _lastLabel;
            problem = string.Empty;
            return true;
        }

        if (!TimeLabelParser.TryParse(text, siteZone, out label, out var reason))
        {
            problem = Utf8Text.Trim(text).IsEmpty ? "the timestamp is empty" : $"{Utf8Text.Quote(text)} is not a timestamp: {reason}";
            return false;
        }

        if (text.Length <= _last.Length)
        {
            text.CopyTo(_last);
            _lastLength = text.Length;
            _lastLabel = label;
        }

        problem = string.Empty;
        return true;
    }
}
