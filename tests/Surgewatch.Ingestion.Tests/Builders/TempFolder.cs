namespace Surgewatch.Ingestion.Tests.Builders;

/// <summary>A fresh directory under the system temp path, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "surgewatch-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, Input input)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, input.Bytes());
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
