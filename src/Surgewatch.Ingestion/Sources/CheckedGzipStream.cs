using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Surgewatch.Ingestion.Sources;

/// <summary>
/// Decompresses gzip and refuses a stream that does not end exactly with its member's trailer. .NET's
/// <see cref="GZipStream"/> checks the CRC-32 and length of every trailer it sees, but a stream cut off before its
/// trailer simply ends early, giving part of the data as if it were all of it. Here the decompressed bytes are
/// hashed and counted, and at the end they must match the last eight bytes of the compressed input (CRC-32 and
/// length of the data, RFC 1952 §2.3.1); otherwise reading throws <see cref="InvalidDataException"/>, which every
/// reader turns into an input error. A stream of several concatenated gzip members is refused too, since its
/// last trailer covers only the last member.
/// </summary>
public sealed class CheckedGzipStream : ReadOnlyStream
{
    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _verified;

    /// <summary>Decompresses <paramref name="compressed"/>, which must start with the gzip magic bytes.</summary>
    /// <param name="compressed">The gzip input.</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="compressed"/> open.</param>
    public CheckedGzipStream(Stream compressed, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        _compressed = new TailStream(compressed, leaveOpen);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: false);
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer) => Account(buffer, _gzip.Read(buffer));

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span, read);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(Span<byte> buffer, int read)
    {
        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
        }
        else if (!buffer.IsEmpty && !_verified)
        {
            Verify();
        }

        return read;
    }

    private void Verify()
    {
        // The decompressor may stop before the input does (bytes after the last member): read them, so that the
        // tail really is the input's last eight bytes and such bytes fail the check below.
        _compressed.Drain();
        Span<byte> trailer = stackalloc byte[8];
        if (!_compressed.TryGetTail(trailer)
            || BinaryPrimitives.ReadUInt32LittleEndian(trailer) != _crc.GetCurrentHashAsUInt32()
            || BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != (uint)_length)
        {
            throw new InvalidDataException(
                "the gzip data ends without a valid trailer (CRC-32 and length): it was cut off, or it joins several gzip members; send it whole, compressed as one member");
        }

        _verified = true;
    }

    /// <summary>Passes reads through and remembers the last eight bytes read.</summary>
    private sealed class TailStream(Stream inner, bool leaveOpen) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];
        private long _total;

        public override int Read(Span<byte> buffer) => Remember(buffer, inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Remember(buffer.Span, read);
        }

        /// <summary>Reads whatever is left of the input (only its tail is kept).</summary>
        public void Drain()
        {
            var scratch = new byte[4096];
            while (Read(scratch) > 0)
            {
            }
        }

        /// <summary>The last eight bytes read, when at least eight were.</summary>
        public bool TryGetTail(Span<byte> destination)
        {
            if (_total < _tail.Length)
            {
                return false;
            }

            // _tail is a ring indexed by the total count.
            var start = (int)(_total % _tail.Length);
            for (var i = 0; i < _tail.Length; i++)
            {
                destination[i] = _tail[(start + i) % _tail.Length];
            }

            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Remember(Span<byte> buffer, int read)
        {
            var start = Math.Max(0, read - _tail.Length);
            for (var i = start; i < read; i++)
            {
                _tail[(int)((_total + i) % _tail.Length)] = buffer[i];
            }

            _total += read;
            return read;
        }
    }
}
