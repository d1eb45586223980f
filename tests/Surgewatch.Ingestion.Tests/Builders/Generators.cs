using FsCheck;
using FsCheck.Fluent;

namespace Surgewatch.Ingestion.Tests.Builders;

/// <summary>FsCheck generators of valid readings, writing styles and garbage.</summary>
internal static class Generators
{
    private static readonly long Start = new DateTime(2014, 1, 1).Ticks / TimeSpan.TicksPerSecond - (new DateTime(1970, 1, 1).Ticks / TimeSpan.TicksPerSecond);

    /// <summary>
    /// Ids such as <c>s3</c> or <c>s0a.-:_</c>: valid, and never like a personal identifier. An id the privacy guard
    /// refuses (such as <c>s2-b::99</c>, whose part <c>b::99</c> is an IPv6 address) is not generated: refusing it is
    /// the guard's job, tested on its own.
    /// </summary>
    public static Gen<string> SensorId =>
        (from digit in Gen.Choose(0, 9)
         from length in Gen.Choose(0, 6)
         from tail in Gen.Elements("ab9Z._:-".ToCharArray()).ArrayOf(length)
         select "s" + digit + new string(tail))
        .Where(id => !Surgewatch.Ingestion.Privacy.PrivacyGuard.IsPersonalIdentifierValue(id, out _));

    /// <summary>Plausible pedestrian counts (whole, 0 to ten million), mostly small.</summary>
    public static Gen<double> Value =>
        Gen.OneOf(
            Gen.Choose(0, 100_000).Select(i => (double)i),
            Gen.Choose(0, 10_000_000).Select(i => (double)i));

    /// <summary>Readings of a few sensors with distinct (sensor, label) pairs.</summary>
    public static Gen<List<Reading>> Readings =>
        from sensors in SensorId.ArrayOf(4)
        from rows in (from sensor in Gen.Elements(sensors) from step in Gen.Choose(0, 2000) from value in Value select new Reading(sensor, Start + (step * 300L), value)).ListOf()
        select rows.DistinctBy(r => (r.Sensor, r.Seconds)).ToList();

    public static Gen<Style> Style =>
        from flags in Gen.Elements(true, false).ArrayOf(5)
        select new Style(flags[0], flags[1], flags[2], flags[3], flags[4]);

    private static readonly string[] Tokens =
    [
        "timestamp", "sensor_id", "sensorId", "count", "value", "name", "latitude", ",", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r",
        "{", "}", "[", "]", ":", "\"sensorId\":", "\"timestamp\":", "\"value\":", "\"imei\":", "2014-01-01T00:00:00", "2014-01-01T00:00:00Z",
        "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "1", "-1", "1e999", "NaN", "1.5", "abc", " ", "\t", "é", "imei",
        "+61412345678", "00:1a:2b:3c:4d:5e", "\\u0000", "\\ud800", "null", "true", "\uFEFF", "\u0000",
    ];

    /// <summary>Bytes that look a little like our inputs (tokens, random bytes, optionally behind a valid header).</summary>
    public static Gen<byte[]> Garbage(string header) =>
        from withHeader in Gen.Elements(true, false)
        from parts in Gen.OneOf(
            Gen.Elements(Tokens).Select(t => System.Text.Encoding.UTF8.GetBytes(t)),
            Gen.Choose(0, 255).Select(b => new[] { (byte)b })).ListOf()
        select (withHeader ? System.Text.Encoding.UTF8.GetBytes(header + "\n") : []).Concat(parts.SelectMany(p => p)).ToArray();
}
