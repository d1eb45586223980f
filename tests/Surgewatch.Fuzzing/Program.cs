using SharpFuzz;
using Surgewatch.Fuzzing.Targets;

namespace Surgewatch.Fuzzing;

/// <summary>
/// The SharpFuzz host. <c>Surgewatch.Fuzzing TARGET</c> serves afl-fuzz (started by eng/fuzz.sh on instrumented
/// assemblies); <c>Surgewatch.Fuzzing TARGET FILE...</c> runs the target once per file without afl-fuzz, printing
/// any exception that escapes, to triage what a run found.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.TryGet(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Surgewatch.Fuzzing TARGET [FILE...], TARGET one of: {string.Join(", ", FuzzTargets.Names)}");
            return 2;
        }

        if (args.Length == 1)
        {
            // Out of process: a hang or a crash that kills the runtime ends only the child, which SharpFuzz restarts.
            Fuzzer.OutOfProcess.Run(stream => target(ReadAll(stream)));
            return 0;
        }

        return Replay(target, args[1..]);
    }

    private static int Replay(Action<byte[]> target, string[] files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Triage output: the exception is the finding, reported here rather than rethrown so that every file is tried.
                failed++;
                Console.WriteLine($"{file}: {e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
            }
        }

        Console.WriteLine($"{files.Length - failed} of {files.Length} inputs read or rejected; {failed} escaped");
        return failed == 0 ? 0 : 1;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
