namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// Where each run leaves its screenshots and the server's log: TestResults/e2e in the repository
/// (or SURGEWATCH_E2E_ARTIFACTS), kept after the run for a person or CI to look at.
/// </summary>
internal static class Artifacts
{
    public static string Folder { get; } = Resolve();

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("SURGEWATCH_E2E_ARTIFACTS");
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "TestResults", "e2e")
            : configured;
        Directory.CreateDirectory(folder);
        return Path.GetFullPath(folder);
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Surgewatch.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
