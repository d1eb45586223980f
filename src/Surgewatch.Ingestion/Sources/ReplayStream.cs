namespace Surgewatch.Ingestion.Sources;

/// <summary>A read-only stream that gives back bytes already read from <c>inner</c> before reading on from it.</summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> prefix, Stream inner, bool leaveOpen) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty)
        {
            return inner.Read(buffer);
        }

        var count = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..count].CopyTo(buffer);
        _prefix = _prefix[count..];
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
