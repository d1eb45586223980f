using Surgewatch.Core.Forecasting.Persistence;

namespace Surgewatch.Core.Evaluation.Warnings;

public sealed partial class ExceedanceCalibration
{
    private const string Tag = "exceedance-calibration/1";

    /// <summary>
    /// The calibration as bytes, to deploy with a model: a server then warns with exactly the distributions the rule was
    /// calibrated with. A distribution shared by several sensors (pooled) is written once.
    /// </summary>
    public byte[] ToBytes() => StateFormat.Write(writer =>
    {
        writer.Write(Tag);
        StateFormat.WriteDoubles(writer, _edges);
        writer.Write(_hourGroups);
        StateFormat.WriteDoubles(writer, _levels);
        writer.Write(_scales is not null);
        StateFormat.WriteDoubles(writer, _scales ?? []);
        var distinct = new Dictionary<double[], int>(ReferenceEqualityComparer.Instance);
        var order = new List<double[]>();
        foreach (var perSensor in _ratios)
        {
            foreach (var ratios in perSensor)
            {
                if (distinct.TryAdd(ratios, order.Count))
                {
                    order.Add(ratios);
                }
            }
        }

        writer.Write(order.Count);
        order.ForEach(ratios => StateFormat.WriteDoubles(writer, ratios));
        writer.Write(_ratios.Length);
        foreach (var perSensor in _ratios)
        {
            writer.Write(perSensor.Length);
            foreach (var ratios in perSensor)
            {
                writer.Write(distinct[ratios]);
            }
        }
    });

    /// <summary>A calibration written by <see cref="ToBytes"/>; <see cref="ModelStateException"/> when the bytes are not one.</summary>
    public static ExceedanceCalibration FromBytes(ReadOnlySpan<byte> state) => StateFormat.Read(state, reader =>
    {
        StateFormat.Expect(reader, Tag);
        var edges = StateFormat.ReadDoubles(reader);
        var hourGroups = reader.ReadInt32();
        var levels = StateFormat.ReadDoubles(reader);
        var scaled = reader.ReadBoolean();
        var scales = StateFormat.ReadDoubles(reader);
        var distinct = new double[Count(reader)][];
        for (var i = 0; i < distinct.Length; i++)
        {
            distinct[i] = StateFormat.ReadDoubles(reader);
        }

        var ratios = new double[Count(reader)][][];
        for (var s = 0; s < ratios.Length; s++)
        {
            ratios[s] = new double[Count(reader)][];
            for (var b = 0; b < ratios[s].Length; b++)
            {
                var index = reader.ReadInt32();
                ratios[s][b] = (uint)index < (uint)distinct.Length
                    ? distinct[index]
                    : throw new ModelStateException("The saved calibration refers to a distribution it does not hold; it is damaged. Train the model again.");
            }
        }

        if (hourGroups is < 1 or > 24 || (ratios.Length > 0 && levels.Length % ratios.Length != 0))
        {
            throw new ModelStateException("The saved calibration's shape is inconsistent; it is damaged. Train the model again.");
        }

        return new ExceedanceCalibration(ratios, edges, hourGroups, levels, scaled ? scales : null);
    });

    private static int Count(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        return n >= 0 ? n : throw new ModelStateException($"The saved calibration holds a negative count ({n}); it is damaged. Train the model again.");
    }
}
