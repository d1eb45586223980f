using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Surgewatch.Core.Calendar;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>What a client knows of a batch it posted.</summary>
internal enum BatchOutcome
{
    /// <summary>Posted, no reply yet.</summary>
    InFlight,

    /// <summary>200 with every reading received and written: the server promised it is stored.</summary>
    Acknowledged,

    /// <summary>The connection ended without a reply because the server was killed: stored whole or not at all.</summary>
    NoReply,

    /// <summary>Anything else (an error status, a short count, a failure before the kill): the run is broken.</summary>
    Failed,
}

/// <summary>
/// One batch of readings that only this batch writes: its own sensor (<c>kill-b00042</c>), one reading per hour
/// from <see cref="FirstHour"/>, and values derived from the batch id and row, so every stored row can be traced
/// to its batch and checked.
/// </summary>
internal sealed class TrackedBatch(int id, int size)
{
    public static readonly DateTime FirstHour = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public int Id { get; } = id;

    public int Size { get; } = size;

    public string SensorId { get; } = $"kill-b{id:D5}";

    public BatchOutcome Outcome { get; private set; } = BatchOutcome.InFlight;

    /// <summary>Whether the request was sent before the kill, so that the kill could cut it (later ones find no server).</summary>
    public bool SentBeforeKill { get; private set; }

    /// <summary>Why the batch <see cref="BatchOutcome.Failed"/>.</summary>
    public string? Failure { get; private set; }

    public static TimeLabel LabelOf(int row) => TimeLabel.FromDateTime(FirstHour.AddHours(row));

    /// <summary>A whole count (new sensors take counts up to 10^7), different for each batch and row.</summary>
    public double ValueOf(int row) => ((Id * 37) + row) % 5_000;

    /// <summary>The batch as the JSON array <c>POST /api/v1/readings</c> takes.</summary>
    public byte[] Body()
    {
        var json = new StringBuilder(Size * 72).Append('[');
        for (var row = 0; row < Size; row++)
        {
            json.Append(row == 0 ? "" : ",")
                .Append("{\"sensorId\":\"").Append(SensorId)
                .Append("\",\"timestamp\":\"").Append(FirstHour.AddHours(row).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
                .Append("\",\"value\":").Append(ValueOf(row).ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    /// <summary>Records the server's reply: acknowledged only when it says it received and wrote every reading.</summary>
    public void Settle(HttpStatusCode status, string reply)
    {
        if (status == HttpStatusCode.OK && IsWholeBatch(reply))
        {
            Outcome = BatchOutcome.Acknowledged;
            return;
        }

        Fail($"{(int)status} {reply}");
    }

    public void Sent(bool beforeKill) => SentBeforeKill = beforeKill;

    public void NoReply() => Outcome = BatchOutcome.NoReply;

    public void Fail(string why)
    {
        Outcome = BatchOutcome.Failed;
        Failure = why;
    }

    private bool IsWholeBatch(string reply)
    {
        using var json = JsonDocument.Parse(reply);
        return json.RootElement.GetProperty("received").GetInt64() == Size
            && json.RootElement.GetProperty("written").GetInt64() == Size;
    }

    public override string ToString() => $"batch {Id} ({Size} readings, {Outcome})";
}
