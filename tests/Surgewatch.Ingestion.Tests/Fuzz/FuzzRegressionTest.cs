using Surgewatch.Fuzzing.Targets;

namespace Surgewatch.Ingestion.Tests.Fuzz;

/// <summary>
/// Replays, without afl-fuzz, every seed of tests/fuzz/corpus and every input a fuzzing run kept in
/// tests/fuzz/regressions through the fuzz targets (eng/fuzz.sh): each must be read or rejected with
/// InputRejectedException, never anything else.
/// </summary>
public class FuzzRegressionTest
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "fuzz");

    /// <summary>(target, file relative to <see cref="Root"/>) for every kept input.</summary>
    public static TheoryData<string, string> KeptInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "corpus", "regressions" })
        {
            foreach (var folder in TargetFolders(kind))
            {
                foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                {
                    data.Add(Path.GetFileName(folder), Path.GetRelativePath(Root, file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeptInputs))]
    public void Run_KeptInput_ReadsOrRejects(string target, string file)
    {
        FuzzTargets.TryGet(target, out var run).Should().BeTrue();
        var input = File.ReadAllBytes(Path.Combine(Root, file));

        var replay = () => run(input);

        replay.Should().NotThrow();
    }

    [Fact]
    public void Corpus_EveryTarget_HasSeeds()
    {
        foreach (var target in FuzzTargets.Names)
        {
            var folder = Path.Combine(Root, "corpus", target);
            Directory.Exists(folder).Should().BeTrue($"target {target} needs seeds in tests/fuzz/corpus/{target}");
            Directory.EnumerateFiles(folder).Should().NotBeEmpty();
        }
    }

    [Theory]
    [InlineData("corpus")]
    [InlineData("regressions")]
    public void TargetFolders_EveryFolder_NamesATarget(string kind)
    {
        TargetFolders(kind).Select(Path.GetFileName).Should().BeSubsetOf(FuzzTargets.Names);
    }

    private static IEnumerable<string> TargetFolders(string kind)
    {
        var folder = Path.Combine(Root, kind);
        return Directory.Exists(folder) ? Directory.EnumerateDirectories(folder) : [];
    }
}
