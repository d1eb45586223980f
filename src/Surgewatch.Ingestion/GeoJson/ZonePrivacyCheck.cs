using System.Text.Json;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>
/// The privacy guard over a zones document: member names at any depth (of the collection, of each Feature and of
/// its properties, inside nested objects and arrays) and the values a zone keeps (its id and name). Each refusal
/// names the line and the path of the field, such as <c>features[0].properties.meta.owner_name</c>.
/// </summary>
internal static class ZonePrivacyCheck
{
    /// <summary>
    /// Refuses identifier-like member names of <paramref name="node"/> and of everything nested in them, except the
    /// members in <paramref name="known"/>, which the reader reads and checks itself.
    /// </summary>
    public static void CheckMembers(JsonTree node, string path, string[] known, InputErrorList errors)
    {
        foreach (var (name, value) in node.Properties)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                CheckMember(name, value, Join(path, name), errors);
            }
        }
    }

    /// <summary>Refuses an id that looks like a personal identifier (a phone, MAC or IP address, a plate …).</summary>
    public static bool CheckId(string id, int line, string path, InputErrorList errors)
    {
        if (PrivacyGuard.IsPersonalIdentifierValue(id, out var reason))
        {
            errors.Add(line, path, reason);
            return false;
        }

        return true;
    }

    /// <summary>Refuses free text (a zone's name) that holds a personal identifier.</summary>
    public static void CheckText(JsonTree? node, string path, InputErrorList errors)
    {
        if (node?.Text is { } text && PrivacyGuard.ContainsPersonalIdentifier(text, out var reason))
        {
            errors.Add(node.Line, path, reason);
        }
    }

    private static void CheckMember(string name, JsonTree value, string path, InputErrorList errors)
    {
        if (PrivacyGuard.IsIdentifierLikeFieldName(name, out var reason))
        {
            errors.Add(value.Line, path, reason);
        }

        CheckNested(value, path, errors);
    }

    private static void CheckNested(JsonTree node, string path, InputErrorList errors)
    {
        if (node.Kind == JsonValueKind.Object)
        {
            foreach (var (name, value) in node.Properties)
            {
                CheckMember(name, value, $"{path}.{name}", errors);
            }
        }
        else if (node.Kind == JsonValueKind.Array)
        {
            for (var i = 0; i < node.Items.Count; i++)
            {
                // Only objects hold names; a long array of numbers costs no path strings.
                if (node.Items[i].Kind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    CheckNested(node.Items[i], $"{path}[{i}]", errors);
                }
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
