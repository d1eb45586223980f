namespace Surgewatch.Server.Basemap;

/// <summary>
/// Checks that an operator's base-map file is a PMTiles version 3 archive (it starts with the magic bytes
/// <c>PMTiles</c> and the version byte 3) before the server offers it, so a wrong file fails at start with a message,
/// not later as a blank map in every browser.
/// </summary>
internal static class PmtilesArchive
{
    /// <summary>The media type the archive is served with.</summary>
    public const string MediaType = "application/vnd.pmtiles";

    private const int HeaderLength = 127;

    /// <summary>Why the file cannot be served, or null when it is a PMTiles v3 archive.</summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path))
        {
            return $"The base map '{path}' does not exist.";
        }

        Span<byte> start = stackalloc byte[8];
        using (var file = File.OpenRead(path))
        {
            if (file.Length < HeaderLength || file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length)
            {
                return $"The base map '{path}' is too short to be a PMTiles archive.";
            }
        }

        if (!start[..7].SequenceEqual("PMTiles"u8))
        {
            return $"The base map '{path}' is not a PMTiles archive (a .pmtiles extract, e.g. from `pmtiles extract`).";
        }

        return start[7] == 3 ? null : $"The base map '{path}' is PMTiles version {start[7]}; Surgewatch reads version 3.";
    }
}
