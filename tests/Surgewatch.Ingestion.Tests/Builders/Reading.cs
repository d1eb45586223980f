using System.Globalization;
using Surgewatch.Core.Calendar;

namespace Surgewatch.Ingestion.Tests.Builders;

/// <summary>A valid reading as a test writes it into an input.</summary>
internal sealed record Reading(string Sensor, long Seconds, double Value)
{
    public string Timestamp(bool utcMarker) => new TimeLabel(Seconds) + (utcMarker ? "Z" : string.Empty);

    public string ValueText => Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The row as <see cref="BatchExtensions.Rows"/> prints it.</summary>
    public string Row => FormattableString.Invariant($"{Sensor}@{new TimeLabel(Seconds)}={Value}");
}

/// <summary>How a generated input is written.</summary>
internal sealed record Style(bool Crlf, bool Bom, bool Gzip, bool Quote, bool UtcMarker)
{
    public Input Apply(string text) => new(text) { Crlf = Crlf, Bom = Bom, Gzip = Gzip };

    public string Field(string text) => Quote ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
