using System.Data.Common;
using DataVault.Core.Sql;
using Xunit;

namespace DataVault.IntegrationTests.Engines;

/// <summary>
/// A real database engine with an isolated, empty database for one test class. Server engines read their connection
/// string from an environment variable that scripts/test.sh sets after installing and starting the server; when it is
/// missing or the server does not answer, the tests FAIL (never skip) with a message saying how to start it.
/// </summary>
public abstract class EngineFixture : IAsyncLifetime
{
    /// <summary>The dialect that writes this engine's SQL.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Opens a new connection to the fixture's database.</summary>
    public abstract Task<DbConnection> OpenAsync();

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>The value of a required environment variable, or an exception that says how to get it.</summary>
    protected static string RequiredEnvironment(string name, string engine) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set, so the {engine} tests cannot run. Run the tests with `bash scripts/test.sh`, which installs and starts {engine} on loopback and sets {name}.");
}
