using System.Reflection;
using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Calendars;

/// <summary>
/// Finds calendar files by id: holiday rules (<c>holidays/{region}.json</c>), events (<c>events/{name}.csv</c>)
/// and school holidays (<c>school-holidays/{region}.csv</c>). Files in an operator's directory, when one is given,
/// take precedence; otherwise the files shipped in the repository's <c>calendars/</c> folder are used, which are
/// embedded in this assembly so that the CLI and server find them without a path. The readers of this folder
/// parse them; Core holds the calendars they make.
/// </summary>
public sealed class CalendarLibrary
{
    private const string ResourcePrefix = "calendars/";
    private static readonly Assembly Self = typeof(CalendarLibrary).Assembly;

    /// <summary>Creates a library that reads <paramref name="directory"/> first (when not null), then the shipped files.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public CalendarLibrary(string? directory = null)
    {
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The calendar directory '{directory}' does not exist; create it with holidays/, events/ and school-holidays/ subfolders, or omit it to use the shipped calendars.");
        }

        DirectoryPath = directory;
    }

    /// <summary>A library of the shipped calendars only.</summary>
    public static CalendarLibrary Shipped { get; } = new();

    /// <summary>The operator's directory, or null when only shipped files are used.</summary>
    public string? DirectoryPath { get; }

    /// <summary>The region ids available, shipped and in the directory, sorted.</summary>
    public IReadOnlyList<string> RegionIds() => Names("holidays/", ".json");

    /// <summary>The events files available (names without folder and extension), sorted.</summary>
    public IReadOnlyList<string> EventFileNames() => Names("events/", ".csv");

    /// <summary>Loads the holiday rules of <paramref name="regionId"/>, e.g. <c>au-vic</c>.</summary>
    /// <exception cref="KeyNotFoundException">No such region file exists.</exception>
    /// <exception cref="InputRejectedException">The file is invalid, or its <c>region</c> does not match its name.</exception>
    public HolidayRegion LoadRegion(string regionId)
    {
        var path = $"holidays/{CheckId(regionId)}.json";
        using var stream = OpenRequired(path, "region", RegionIds());
        var region = HolidayRegionReader.Read(stream, path);
        return region.Id == regionId
            ? region
            : throw new InputRejectedException(new InputError(path, null, "$.region", $"says \"{region.Id}\" but the file is named for \"{regionId}\"; make them the same"));
    }

    /// <summary>Loads the events file <paramref name="name"/>, e.g. <c>melbourne-2009-2014</c>.</summary>
    /// <exception cref="KeyNotFoundException">No such events file exists.</exception>
    /// <exception cref="InputRejectedException">The file is invalid.</exception>
    public IReadOnlyList<CalendarEvent> LoadEvents(string name)
    {
        var path = $"events/{CheckId(name)}.csv";
        using var stream = OpenRequired(path, "events file", EventFileNames());
        return EventsCsvReader.Read(stream, path);
    }

    /// <summary>Loads the school holidays of <paramref name="regionId"/>, or null when none are known for it.</summary>
    /// <exception cref="InputRejectedException">The file is invalid.</exception>
    public SchoolHolidayCalendar? TryLoadSchoolHolidays(string regionId)
    {
        var path = $"school-holidays/{CheckId(regionId)}.csv";
        using var stream = TryOpen(path);
        return stream is null ? null : SchoolHolidaysCsvReader.Read(stream, path);
    }

    /// <summary>Opens <paramref name="relativePath"/> (e.g. <c>holidays/ie.json</c>) for reading, or null when absent.</summary>
    public Stream? TryOpen(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        if (DirectoryPath is not null)
        {
            var file = Path.Combine(DirectoryPath, relativePath);
            if (File.Exists(file))
            {
                return File.OpenRead(file);
            }
        }

        return Self.GetManifestResourceStream(ResourceName(relativePath));
    }

    private Stream OpenRequired(string path, string what, IReadOnlyList<string> available) =>
        TryOpen(path) ?? throw new KeyNotFoundException(
            $"No {what} '{path}' in {(DirectoryPath is null ? "the shipped calendars" : $"'{DirectoryPath}' or the shipped calendars")}; available: {string.Join(", ", available)}.");

    private IReadOnlyList<string> Names(string folder, string extension)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var resource in Self.GetManifestResourceNames())
        {
            var normal = resource.Replace('\\', '/');
            if (normal.StartsWith(ResourcePrefix + folder, StringComparison.Ordinal) && normal.EndsWith(extension, StringComparison.Ordinal))
            {
                names.Add(normal[(ResourcePrefix.Length + folder.Length)..^extension.Length]);
            }
        }

        var dir = DirectoryPath is null ? null : Path.Combine(DirectoryPath, folder);
        if (dir is not null && Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*" + extension))
            {
                names.Add(Path.GetFileNameWithoutExtension(file));
            }
        }

        return [.. names];
    }

    private static string ResourceName(string relativePath)
    {
        var wanted = ResourcePrefix + relativePath.Replace('\\', '/');
        foreach (var resource in Self.GetManifestResourceNames())
        {
            if (resource.Replace('\\', '/') == wanted)
            {
                return resource;
            }
        }

        return wanted;
    }

    private static string CheckId(string id) =>
        HolidayRegionReader.IsValidRegionId(id)
            ? id
            : throw new ArgumentException($"'{id}' is not a calendar id: use 1–32 lower-case letters, digits and '-', e.g. au-vic.", nameof(id));
}
