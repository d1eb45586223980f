using System.Globalization;
using System.Text;

namespace Surgewatch.Server.Metrics;

/// <summary>Writes <see cref="ServerMetrics"/> in the Prometheus text exposition format (version 0.0.4).</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(ServerMetrics metrics, long storedReadings)
    {
        var text = new StringBuilder(2048);
        Header(text, "surgewatch_readings_ingested_total", "counter", "Readings received in accepted ingest requests.");
        Line(text, "surgewatch_readings_ingested_total", null, metrics.ReadingsIngested);

        Header(text, "surgewatch_ingest_requests_total", "counter", "Ingest requests by outcome.");
        foreach (var outcome in Enum.GetValues<IngestOutcome>())
        {
            Line(text, "surgewatch_ingest_requests_total", $"outcome=\"{Snake(outcome.ToString())}\"", metrics.IngestRequests(outcome));
        }

        WriteHistogram(text, metrics);

        Header(text, "surgewatch_nonfinite_numbers_written_total", "counter", "Numbers that were not finite when a reply was written (written as null; each is a defect).");
        Line(text, "surgewatch_nonfinite_numbers_written_total", null, metrics.NonFiniteNumbers);

        Header(text, "surgewatch_notifications_undeliverable_total", "counter", "Notifications whose contact had no channel configured (recorded in the ledger as undeliverable).");
        Line(text, "surgewatch_notifications_undeliverable_total", null, metrics.Undeliverable);

        Header(text, "surgewatch_rate_limited_requests_total", "counter", "Requests refused with 429 by the rate limit.");
        Line(text, "surgewatch_rate_limited_requests_total", null, metrics.RateLimited);

        Header(text, "surgewatch_store_readings", "gauge", "Readings held in the store.");
        Line(text, "surgewatch_store_readings", null, storedReadings);
        return text.ToString();
    }

    private static void WriteHistogram(StringBuilder text, ServerMetrics metrics)
    {
        const string Name = "surgewatch_http_request_duration_seconds";
        Header(text, Name, "histogram", "Time to handle an HTTP request.");
        long cumulative = 0;
        for (var i = 0; i <= ServerMetrics.DurationBuckets.Length; i++)
        {
            cumulative += metrics.DurationCount(i);
            var bound = i < ServerMetrics.DurationBuckets.Length ? ServerMetrics.DurationBuckets[i].ToString(CultureInfo.InvariantCulture) : "+Inf";
            Line(text, Name + "_bucket", $"le=\"{bound}\"", cumulative);
        }

        text.Append(Name).Append("_sum ").Append(metrics.DurationSumSeconds.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        Line(text, Name + "_count", null, cumulative);
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string name, string? labels, long value)
    {
        text.Append(name);
        if (labels is not null)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Snake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
