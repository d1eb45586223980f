using System.Reflection;
using System.Runtime.InteropServices;

namespace Surgewatch.Forecasting.XGBoost.Native;

/// <summary>
/// Finds the native XGBoost library that Debian's <c>libxgboost0</c> installs (<c>libxgboost.so.0</c>), also under
/// the plain names other installs use, and says clearly when there is none.
/// </summary>
public static class XGBoostLibrary
{
    /// <summary>The name the P/Invoke declarations use; the resolver maps it to a real file.</summary>
    internal const string ImportName = "xgboost";

    /// <summary>The message of <see cref="XGBoostNotInstalledException"/>.</summary>
    public const string InstallHint = "libxgboost0 is not installed: apt-get install libxgboost0";

    private static readonly string[] Candidates = ["libxgboost.so.0", "libxgboost.so", "xgboost", "libxgboost.dylib", "xgboost.dll"];
    private static readonly Lazy<IntPtr> Handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    static XGBoostLibrary() => NativeLibrary.SetDllImportResolver(typeof(XGBoostLibrary).Assembly, Resolve);

    /// <summary>Whether the native library can be loaded.</summary>
    public static bool IsAvailable => Handle.Value != IntPtr.Zero;

    /// <summary>Throws <see cref="XGBoostNotInstalledException"/> when the native library cannot be loaded.</summary>
    public static void EnsureAvailable()
    {
        if (!IsAvailable)
        {
            throw new XGBoostNotInstalledException();
        }
    }

    /// <summary>The native library's version, e.g. 1.7.4.</summary>
    public static Version Version
    {
        get
        {
            EnsureAvailable();
            XGBoostNative.XGBoostVersion(out var major, out var minor, out var patch);
            return new Version(major, minor, patch);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == ImportName ? Handle.Value : IntPtr.Zero;

    private static IntPtr Load()
    {
        foreach (var name in Candidates)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
