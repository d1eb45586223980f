using System.Text.Json;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>Reads a zone's sources: <c>[{"sensorId": "gate-a-in", "role": "lineIn", "factor": 1}]</c>.</summary>
internal static class ZoneSourcesReader
{
    public static List<ZoneSource> Read(JsonTree? node, string path, InputErrorList errors)
    {
        var sources = new List<ZoneSource>();
        if (node is null || node.Kind == JsonValueKind.Null)
        {
            return sources;
        }

        if (node.Kind != JsonValueKind.Array)
        {
            errors.Add(node.Line, path, "expected an array of {sensorId, role, factor}");
            return sources;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            if (ReadOne(node.Items[i], $"{path}[{i}]", errors) is { } source)
            {
                sources.Add(source);
            }
        }

        return sources;
    }

    private static ZoneSource? ReadOne(JsonTree item, string path, InputErrorList errors)
    {
        if (item.Kind != JsonValueKind.Object)
        {
            errors.Add(item.Line, path, "expected {sensorId, role, factor}");
            return null;
        }

        var before = errors.Count;
        foreach (var (name, value) in item.Properties)
        {
            if (name is not ("sensorId" or "role" or "factor"))
            {
                var why = PrivacyGuard.IsIdentifierLikeFieldName(name, out var reason) ? reason : "unknown field; use sensorId, role and factor";
                errors.Add(value.Line, $"{path}.{name}", why);
            }
        }

        var sensor = ReadSensor(item, path, errors);
        var role = ReadRole(item, path, errors);
        var factor = item["factor"] is { } f ? f.Number : 1.0;
        if (item["factor"] is { } factorNode && (factorNode.Kind != JsonValueKind.Number || !(factor > 0)))
        {
            errors.Add(factorNode.Line, $"{path}.factor", "must be a positive number");
        }

        return errors.Count > before || sensor is null || role is null ? null : new ZoneSource(sensor.Value, role.Value, factor);
    }

    private static SensorId? ReadSensor(JsonTree item, string path, InputErrorList errors)
    {
        var node = item["sensorId"];
        if (node?.Text is not { } text)
        {
            errors.Add(node?.Line ?? item.Line, $"{path}.sensorId", "a source needs a string sensorId");
            return null;
        }

        if (!SensorId.IsValid(text, out var reason))
        {
            errors.Add(node.Line, $"{path}.sensorId", $"'{text}' is not a valid sensor id: {reason}");
            return null;
        }

        if (PrivacyGuard.IsPersonalIdentifierValue(text, out var privacy))
        {
            errors.Add(node.Line, $"{path}.sensorId", privacy);
            return null;
        }

        return new SensorId(text);
    }

    private static ZoneSourceRole? ReadRole(JsonTree item, string path, InputErrorList errors)
    {
        var node = item["role"];
        ZoneSourceRole? role = node?.Text switch
        {
            // The kebab-case names are the ones written; the camelCase ones of earlier zone files are still read.
            "line-in" or "lineIn" => ZoneSourceRole.LineIn,
            "line-out" or "lineOut" => ZoneSourceRole.LineOut,
            "line-total" or "lineTotal" => ZoneSourceRole.LineTotal,
            "occupancy" => ZoneSourceRole.Occupancy,
            "cell-devices" or "cellDevices" => ZoneSourceRole.CellDevices,
            _ => null,
        };
        if (role is null)
        {
            errors.Add(node?.Line ?? item.Line, $"{path}.role", $"'{node?.Text}' is not a role; use line-in, line-out, line-total, occupancy or cell-devices");
        }

        return role;
    }

    /// <summary>The role's name in GeoJSON and the API, kebab-case like every enum the API writes.</summary>
    public static string RoleName(ZoneSourceRole role) => role switch
    {
        ZoneSourceRole.LineIn => "line-in",
        ZoneSourceRole.LineOut => "line-out",
        ZoneSourceRole.LineTotal => "line-total",
        ZoneSourceRole.Occupancy => "occupancy",
        _ => "cell-devices",
    };
}
