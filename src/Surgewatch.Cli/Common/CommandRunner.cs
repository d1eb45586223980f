using Spectre.Console;
using Surgewatch.Core.Forecasting;
using Surgewatch.Forecasting.XGBoost;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Cli.Common;

/// <summary>Runs a command's body and turns the errors a user can act on into a message and exit code 2.</summary>
internal static class CommandRunner
{
    /// <summary>The exit code of a command refused because of its input.</summary>
    public const int InputError = 2;

    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            context.Console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return InputError;
        }
    }

    private static bool IsUserError(Exception e) => e
        is UserInputException
        or UnknownForecastModelException
        or FileNotFoundException
        or DirectoryNotFoundException
        or InputRejectedException
        or XGBoostNotInstalledException
        or Server.Hosting.ServerSetupException
        or Microsoft.Extensions.Options.OptionsValidationException
        or Core.Storage.SchemaVersionException
        or Core.Storage.StoreUnavailableException
        or UnauthorizedAccessException
        or Models.Catalog.ModelSetupException
        or Core.Forecasting.Persistence.ModelStateException;
}
