using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Auth;

/// <summary>
/// On a store without keys, makes the first admin key: from <see cref="ServerOptions.BootstrapKeyVariable"/> when
/// set, otherwise a random one shown once through <see cref="ServerOptions.AnnounceGeneratedKey"/>.
/// </summary>
internal sealed class KeyBootstrapper(IApiKeyStore keys, IConfiguration configuration, IOptions<ServerOptions> options, TimeProvider clock)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await keys.CountApiKeysAsync(cancellationToken) > 0)
        {
            return;
        }

        var configured = configuration[ServerOptions.BootstrapKeyVariable];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await AddAsync(configured.Trim(), "bootstrap admin (from environment)", cancellationToken);
            return;
        }

        var generated = ApiKeySecrets.Generate();
        await AddAsync(generated, "bootstrap admin (generated)", cancellationToken);
        options.Value.AnnounceGeneratedKey(generated);
    }

    /// <summary>
    /// Refuses a bootstrap key that is set but not random enough, before the server starts (so that <c>serve</c>
    /// can say so in one line, without the host logging a failed start).
    /// </summary>
    /// <exception cref="ServerSetupException">The key is set and too weak.</exception>
    public static void CheckConfigured(IConfiguration configuration)
    {
        var configured = configuration[ServerOptions.BootstrapKeyVariable];
        if (!string.IsNullOrWhiteSpace(configured) && !ApiKeySecrets.IsStrongEnough(configured.Trim(), out var weakness))
        {
            throw new ServerSetupException(
                $"{ServerOptions.BootstrapKeyVariable} is too weak: {weakness}; use random text such as the output of 'openssl rand -base64 32'.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task AddAsync(string key, string name, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(key);
        return keys.AddApiKeyAsync(new ApiKey(ApiKeySecrets.IdOf(hash), name, ApiKeyRole.Admin, hash, clock.GetUtcNow()), cancellationToken);
    }
}
