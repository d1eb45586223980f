using System.Globalization;
using System.Text;

namespace Surgewatch.LoadTest;

/// <summary>Request bodies of 1,000 readings over 200 sensors, each batch at new hours.</summary>
internal static class Bodies
{
    public const int PerBatch = 1000;
    private const int Sensors = 200;

    public static byte[] Batch(int batch, bool json, string prefix = "load")
    {
        var text = new StringBuilder(json ? "[" : "", PerBatch * 70);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < PerBatch; i++)
        {
            var n = (batch * PerBatch) + i;
            var t = start.AddHours(n / Sensors).ToString("yyyy-MM-dd'T'HH:00:00", CultureInfo.InvariantCulture);
            var row = $"{{\"sensorId\":\"{prefix}{n % Sensors}\",\"timestamp\":\"{t}\",\"value\":{i}}}";
            text.Append(json && i > 0 ? "," : "").Append(row).Append(json ? "" : "\n");
        }

        return Encoding.UTF8.GetBytes(json ? text.Append(']').ToString() : text.ToString());
    }
}
