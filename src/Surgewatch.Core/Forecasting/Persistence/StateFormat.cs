using System.Text;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>Little-endian binary writing and reading of model states, shared by the models that persist.</summary>
public static class StateFormat
{
    /// <summary>Writes <paramref name="values"/> with their count.</summary>
    public static void WriteDoubles(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    /// <summary>Reads doubles written by <see cref="WriteDoubles"/>.</summary>
    public static double[] ReadDoubles(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new double[Count(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }

    /// <summary>Writes sensor ids with their count.</summary>
    public static void WriteSensors(BinaryWriter writer, IReadOnlyList<SensorId> sensors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sensors);
        writer.Write(sensors.Count);
        foreach (var s in sensors)
        {
            writer.Write(s.ToString());
        }
    }

    /// <summary>Reads sensor ids written by <see cref="WriteSensors"/>.</summary>
    public static SensorId[] ReadSensors(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sensors = new SensorId[Count(reader)];
        for (var i = 0; i < sensors.Length; i++)
        {
            sensors[i] = new SensorId(reader.ReadString());
        }

        return sensors;
    }

    /// <summary>Writes a byte block with its length.</summary>
    public static void WriteBlock(BinaryWriter writer, ReadOnlySpan<byte> block)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(block.Length);
        writer.Write(block);
    }

    /// <summary>Reads a block written by <see cref="WriteBlock"/>.</summary>
    public static byte[] ReadBlock(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var length = Count(reader);
        var block = reader.ReadBytes(length);
        return block.Length == length ? block : throw new ModelStateException("The saved model state ends early; it is damaged. Train the model again.");
    }

    /// <summary>Runs <paramref name="write"/> on a writer over a fresh buffer and returns the bytes.</summary>
    public static byte[] Write(Action<BinaryWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Runs <paramref name="read"/> on a reader over <paramref name="state"/>, turning a truncated or garbled state into <see cref="ModelStateException"/>.</summary>
    public static T Read<T>(ReadOnlySpan<byte> state, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var buffer = new MemoryStream(state.ToArray(), writable: false);
        using var reader = new BinaryReader(buffer, Encoding.UTF8);
        try
        {
            return read(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException)
        {
            throw new ModelStateException($"The saved model state cannot be read ({e.Message}); train the model again.", e);
        }
    }

    /// <summary>Checks the leading format tag.</summary>
    public static void Expect(BinaryReader reader, string tag) => Expect(reader, tag, []);

    /// <summary>Checks that the leading format tag is <paramref name="tag"/> or one of the <paramref name="older"/> ones this build still reads; returns it.</summary>
    public static string Expect(BinaryReader reader, string tag, params string[] older)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(older);
        var found = reader.ReadString();
        if (found != tag && !older.Contains(found, StringComparer.Ordinal))
        {
            throw new ModelStateException($"The saved state is '{found}', not '{tag}': it was written by another model or version. Train the model again.");
        }

        return found;
    }

    private static int Count(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        return n >= 0 ? n : throw new ModelStateException($"The saved model state holds a negative count ({n}); it is damaged. Train the model again.");
    }
}
