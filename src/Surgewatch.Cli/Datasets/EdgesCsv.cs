using System.Globalization;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Datasets;

/// <summary>Reads a sensor graph: <c>edges.csv</c> with header <c>from_id,to_id,weight[,…]</c>, one directed edge per line.</summary>
internal static class EdgesCsv
{
    public static IReadOnlyList<SensorEdge> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',') ?? [];
        if (header.Length < 3 || header[0].Trim() != "from_id" || header[1].Trim() != "to_id" || header[2].Trim() != "weight")
        {
            throw new UserInputException($"{path}: the header must start with from_id,to_id,weight.");
        }

        var edges = new List<SensorEdge>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(',');
            if (fields.Length < 3 || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new UserInputException($"{path} line {line}: expected from_id,to_id,weight with a numeric weight.");
            }

            edges.Add(new SensorEdge(Id(fields[0], "from_id", path, line), Id(fields[1], "to_id", path, line), weight));
        }

        return edges;
    }

    private static SensorId Id(string field, string column, string path, int line)
    {
        var text = field.Trim();
        return SensorId.IsValid(text, out var reason)
            ? new SensorId(text)
            : throw new UserInputException($"{path} line {line}, field '{column}': '{text}' is not a sensor id: {reason}.");
    }
}
