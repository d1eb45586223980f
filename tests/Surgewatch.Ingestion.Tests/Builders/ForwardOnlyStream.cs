using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Ingestion.Tests.Builders;

/// <summary>A stream that can only be read forwards, a few bytes at a time, like a request body.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes, int chunk = 7) : ReadOnlyStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(buffer.Length, chunk), bytes.Length - _position);
        bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
