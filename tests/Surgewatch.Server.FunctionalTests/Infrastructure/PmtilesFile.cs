using System.Buffers.Binary;
using System.Text;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>
/// Writes a minimal valid PMTiles v3 archive: the 127-byte header, an uncompressed root directory with one entry
/// (tile z0/0/0), metadata <c>{}</c> and the one tile's bytes, as the PMTiles v3 specification lays them out.
/// </summary>
public static class PmtilesFile
{
    public const int HeaderLength = 127;

    public static byte[] OneTile(byte[] tile)
    {
        var directory = Directory(tile.Length);
        var metadata = Encoding.UTF8.GetBytes("{}");
        var directoryAt = HeaderLength;
        var metadataAt = directoryAt + directory.Length;
        var tilesAt = metadataAt + metadata.Length;

        var header = new byte[HeaderLength];
        "PMTiles"u8.CopyTo(header);
        header[7] = 3;
        ulong[] sections = [(ulong)directoryAt, (ulong)directory.Length, (ulong)metadataAt, (ulong)metadata.Length, (ulong)tilesAt, 0, (ulong)tilesAt, (ulong)tile.Length, 1, 1, 1];
        for (var i = 0; i < sections.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8 + (8 * i)), sections[i]);
        }

        header[96] = 1; // clustered
        header[97] = 1; // internal compression: none
        header[98] = 1; // tile compression: none
        header[99] = 1; // tile type: Mapbox Vector Tile
        header[100] = 0; // min zoom
        header[101] = 0; // max zoom
        int[] bounds = [-1_800_000_000, -850_000_000, 1_800_000_000, 850_000_000];
        for (var i = 0; i < bounds.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(102 + (4 * i)), bounds[i]);
        }

        return [.. header, .. directory, .. metadata, .. tile];
    }

    // Entries count, then the columns: tile id deltas, run lengths, lengths, offsets + 1; all varints.
    private static byte[] Directory(int tileLength)
    {
        var bytes = new List<byte>();
        foreach (var value in (ulong[])[1, 0, 1, (ulong)tileLength, 1])
        {
            var rest = value;
            while (rest >= 0x80)
            {
                bytes.Add((byte)(rest | 0x80));
                rest >>= 7;
            }

            bytes.Add((byte)rest);
        }

        return [.. bytes];
    }
}
