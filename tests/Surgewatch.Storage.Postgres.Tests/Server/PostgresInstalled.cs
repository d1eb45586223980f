using Surgewatch.Storage.Postgres.Tests.Server;
using Surgewatch.Storage.Specification.Requirements;
using Surgewatch.Tests.Postgres;

[assembly: StoreRequirement(typeof(PostgresInstalled))]

namespace Surgewatch.Storage.Postgres.Tests.Server;

/// <summary>The storage specification runs here only where PostgreSQL's server programs are installed (or under CI=true, where it must).</summary>
public sealed class PostgresInstalled : IStoreRequirement
{
    public string? MissingReason => PostgresBinaries.Folder is null ? PostgresBinaries.InstallHint : null;
}
