using Surgewatch.Core.Edge;
using Surgewatch.Edge.Output;

namespace Surgewatch.Edge.Tests.Output;

public sealed class ReadingBufferTest : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_FolderMissing_ThrowsNamingTheBuffer()
    {
        var open = () => ReadingBuffer.Open(_dir.File("gone/cam.pending.ndjson"));

        open.Should().Throw<ReadingBufferException>().WithMessage("--buffer '*cam.pending.ndjson': cannot be written*");
    }

    [Fact]
    public void Open_NewBuffer_LeavesNoFileUntilSomethingIsBuffered()
    {
        var buffer = ReadingBuffer.Open(_dir.File("cam.pending.ndjson"));

        buffer.Count.Should().Be(0);
        File.Exists(_dir.File("cam.pending.ndjson")).Should().BeFalse();
    }

    [Fact]
    public void Remove_SentLines_KeepsTheRestInOrderAndDeletesTheFileWhenEmpty()
    {
        var buffer = ReadingBuffer.Open(_dir.File("cam.pending.ndjson"));
        buffer.Append([new EdgeReading("cam", Start, 1), new EdgeReading("cam", Start.AddMinutes(1), 2)]);
        buffer.Append([new EdgeReading("cam", Start.AddMinutes(2), 3)]);

        buffer.Remove(2);

        buffer.Count.Should().Be(1);
        buffer.Oldest(10).Should().Equal("{\"sensorId\":\"cam\",\"timestamp\":\"2026-12-06T13:02:00+00:00\",\"value\":3}");
        buffer.Remove(1);
        File.Exists(_dir.File("cam.pending.ndjson")).Should().BeFalse();
    }
}
