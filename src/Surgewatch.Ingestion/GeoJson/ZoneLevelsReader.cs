using System.Text.Json;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>Reads a zone's level overrides; levels not given keep the literature defaults.</summary>
internal static class ZoneLevelsReader
{
    private static readonly string[] Names = ["densityWarning", "densityAlarm", "densityCritical", "flowWarning", "flowAlarm", "flowCritical"];

    public static ZoneLevels? Read(JsonTree? node, string path, InputErrorList errors)
    {
        if (node is null || node.Kind == JsonValueKind.Null)
        {
            return null;
        }

        if (node.Kind != JsonValueKind.Object)
        {
            errors.Add(node.Line, path, "expected an object of levels, e.g. {\"densityAlarm\": 3.5}");
            return null;
        }

        var d = ZoneLevels.Default;
        double[] values = [d.DensityWarning, d.DensityAlarm, d.DensityCritical, d.FlowWarning, d.FlowAlarm, d.FlowCritical];
        foreach (var (name, value) in node.Properties)
        {
            var index = Array.IndexOf(Names, name);
            if (index < 0)
            {
                errors.Add(value.Line, $"{path}.{name}", $"unknown level; use {string.Join(", ", Names)}");
            }
            else if (value.Kind != JsonValueKind.Number || !(value.Number > 0))
            {
                errors.Add(value.Line, $"{path}.{name}", "must be a positive number");
            }
            else
            {
                values[index] = value.Number;
            }
        }

        return new ZoneLevels(values[0], values[1], values[2], values[3], values[4], values[5]);
    }
}
