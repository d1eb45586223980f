namespace Surgewatch.Ingestion.Ndjson;

/// <summary>Where a property's raw UTF-8 value lies: a slice of the line, or of a scratch buffer when JSON escaped it.</summary>
internal struct PropertySlot
{
    private byte[]? _scratch;
    private int _start;
    private int _length;

    public bool IsPresent { get; private set; }

    public void SetInLine(long start, int length)
    {
        (_scratch, _start, _length, IsPresent) = (null, (int)start, length, true);
    }

    public void SetInScratch(byte[] scratch, int length)
    {
        (_scratch, _start, _length, IsPresent) = (scratch, 0, length, true);
    }

    public void MarkPresent() => IsPresent = true;

    public readonly ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> line) =>
        _scratch is null ? line.Slice(_start, _length) : _scratch.AsSpan(_start, _length);
}
