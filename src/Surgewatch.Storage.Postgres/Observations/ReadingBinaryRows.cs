using System.Buffers.Binary;

namespace Surgewatch.Storage.Postgres.Observations;

/// <summary>
/// Writes readings in PostgreSQL's binary COPY format (header, then per row a field count and three length-prefixed
/// big-endian int8, int8, float8 fields, then the trailer) into a byte buffer, without a call per value.
/// </summary>
internal static class ReadingBinaryRows
{
    /// <summary>The bytes of one row: the field count, then three fields of a length and eight bytes each.</summary>
    public const int RowBytes = sizeof(short) + (3 * (sizeof(int) + sizeof(long)));

    /// <summary>The bytes of the header: the signature, the flags and the length of the (empty) header extension.</summary>
    public const int HeaderBytes = 11 + sizeof(int) + sizeof(int);

    /// <summary>The bytes of the trailer: a field count of -1.</summary>
    public const int TrailerBytes = sizeof(short);

    // "PGCOPY\n\377\r\n\0": 11 bytes.
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0];

    public static int WriteHeader(Span<byte> buffer)
    {
        Signature.CopyTo(buffer);
        BinaryPrimitives.WriteInt32BigEndian(buffer[11..], 0);
        BinaryPrimitives.WriteInt32BigEndian(buffer[15..], 0);
        return HeaderBytes;
    }

    public static int WriteTrailer(Span<byte> buffer)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer, -1);
        return TrailerBytes;
    }

    /// <summary>Writes rows <paramref name="from"/> to <paramref name="to"/> (exclusive) of the order; returns the bytes written.</summary>
    public static int WriteRows(Span<byte> buffer, CopyRows rows, int from, int to)
    {
        var order = rows.Order.Rows;
        var sensorOf = rows.Batch.SensorIndexes;
        var labels = rows.Batch.TimeSeconds;
        var values = rows.Batch.Values;
        var keyOf = rows.KeyOf;
        var at = 0;
        for (var i = from; i < to; i++)
        {
            var row = order[i];
            var span = buffer.Slice(at, RowBytes);
            BinaryPrimitives.WriteInt16BigEndian(span, 3);
            BinaryPrimitives.WriteInt32BigEndian(span[2..], sizeof(long));
            BinaryPrimitives.WriteInt64BigEndian(span[6..], keyOf[sensorOf[row]]);
            BinaryPrimitives.WriteInt32BigEndian(span[14..], sizeof(long));
            BinaryPrimitives.WriteInt64BigEndian(span[18..], labels[row]);
            BinaryPrimitives.WriteInt32BigEndian(span[26..], sizeof(double));
            BinaryPrimitives.WriteDoubleBigEndian(span[30..], values[row]);
            at += RowBytes;
        }

        return at;
    }
}
