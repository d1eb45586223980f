using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// A zone's recent densities as <see cref="ZoneMonitor"/> keeps them for its local-trend forecast: one value per
/// monitor step (NaN where there was none), oldest first, the last one in the slot that starts at <paramref name="LastSlot"/>.
/// </summary>
/// <param name="Zone">The zone.</param>
/// <param name="LastSlot">The start of the newest slot (UTC).</param>
/// <param name="Values">Densities in persons/m², oldest first.</param>
public sealed record ZoneDensities(ZoneId Zone, DateTimeOffset LastSlot, IReadOnlyList<double> Values)
{
    /// <summary>The values as little-endian doubles, eight bytes each (how the stores keep them; NaN kept).</summary>
    public byte[] ValueBytes()
    {
        var bytes = new byte[Values.Count * sizeof(double)];
        for (var i = 0; i < Values.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), Values[i]);
        }

        return bytes;
    }

    /// <summary>Values from <see cref="ValueBytes"/>.</summary>
    /// <exception cref="FormatException">The length is not a multiple of eight.</exception>
    public static double[] ValuesOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(double) != 0)
        {
            throw new FormatException($"Stored zone densities must be a multiple of {sizeof(double)} bytes long, not {bytes.Length}.");
        }

        var values = new double[bytes.Length / sizeof(double)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * sizeof(double))..]);
        }

        return values;
    }
}
