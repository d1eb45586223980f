namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>Where the tests find the browser: Debian's Chromium package, installed by eng/install-deps.sh.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallHint =
        "Chromium is not installed at /usr/bin/chromium; run `bash eng/install-deps.sh` (Debian package chromium) to run the dashboard tests";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Flags for a closed network and a root user: no sandbox (it cannot start as root), no background connections
    /// to Google's hosts, and software WebGL (SwiftShader) so MapLibre draws without a GPU.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
        "--ignore-gpu-blocklist",
    ];
}
