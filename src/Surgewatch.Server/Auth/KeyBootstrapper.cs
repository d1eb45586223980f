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
            if (!ApiKeySecrets.IsStrongEnough(configured.Trim(), out var weakness))
            {
                throw new ServerSetupException(
                    $"{ServerOptions.BootstrapKeyVariable} is too weak to guard the admin key: {weakness}. Use random text, for example the output of 'openssl rand -base64 32'.");
            }

            await AddAsync(configured.Trim(), "bootstrap admin (from environment)", cancellationToken);
            return;
        }

        var generated = ApiKeySecrets.Generate();
        await AddAsync(generated, "bootstrap admin (generated)", cancellationToken);
        options.Value.AnnounceGeneratedKey(generated);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task AddAsync(string key, string name, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(key);
        return keys.AddApiKeyAsync(new ApiKey(ApiKeySecrets.IdOf(hash), name, ApiKeyRole.Admin, hash, clock.GetUtcNow()), cancellationToken);
    }
}
