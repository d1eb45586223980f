using Microsoft.Extensions.Options;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Basemap;

/// <summary>Refuses to start with a <see cref="ServerOptions.Basemap"/> that is missing or not a PMTiles v3 archive.</summary>
internal sealed class BasemapValidation : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options) =>
        options.Basemap is null || PmtilesArchive.Problem(options.Basemap) is not { } problem
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ServerOptions.Section}:{nameof(ServerOptions.Basemap)}: {problem}");
}
