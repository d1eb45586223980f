namespace Surgewatch.Tests.Postgres;

/// <summary>Finds PostgreSQL's server programs (initdb, pg_ctl): <c>SURGEWATCH_PG_BIN</c>, else Debian's <c>/usr/lib/postgresql/N/bin</c>, newest first.</summary>
public static class PostgresBinaries
{
    public const string InstallHint = "PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql, or set SURGEWATCH_PG_BIN to their folder";

    /// <summary>The folder holding initdb and pg_ctl, or null.</summary>
    public static string? Folder { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SURGEWATCH_PG_BIN") is { Length: > 0 } configured)
        {
            return HasPrograms(configured) ? configured : null;
        }

        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            return null;
        }

        return Directory.GetDirectories(debian)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault(HasPrograms);
    }

    private static bool HasPrograms(string folder) => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
}
