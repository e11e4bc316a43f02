using System.Data;
using System.Data.Common;
using DataVault.Core.DependencyInjection;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>
/// Providers plug in: <c>AddDataVault(model, connectionFactory).UseSqlite()</c> (and <see cref="DataVaultBuilder.UseProvider"/>,
/// which the provider packages' <c>Use…()</c> methods call) register a dialect with its staging writer; a conflicting
/// second call is an error; <see cref="DataVaultProvider.CreateLoader"/> is the same pairing without DI. The provider
/// packages' own <c>Use…()</c> methods load real engines in tests/DataVault.IntegrationTests/Staging/ProviderPluginScenarios.cs.
/// </summary>
public sealed class ProviderRegistrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-providers-{Guid.NewGuid():N}.db");

    private static DataVaultModel Model() => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)))
        .Build();

    private static LoadBatch Batch() => new LoadBatch("providers", "test") { LoadDate = new DateTime(2026, 1, 1) }
        .AddObjects("rows", [new { CustomerId = "C1", Name = "Ann" }, new { CustomerId = "C2", Name = "Bob" }]);

    private SqliteConnection NewConnection() => new SqliteConnection($"Data Source={_path};Pooling=False");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task UseSqlite_on_the_returned_builder_registers_the_dialect_and_the_loader_loads()
    {
        var services = new ServiceCollection();
        services.AddDataVault(Model(), _ => NewConnection()).UseSqlite();

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<SqlDialect>().Should().BeSameAs(SqlDialects.Sqlite);
        var factory = provider.GetRequiredService<VaultLoaderFactory>();
        factory.Dialect.Should().BeSameAs(SqlDialects.Sqlite);
        factory.Options.StagingWriters.Should().BeEmpty("SQLite's fast path is the generic writer");

        await factory.EnsureVaultAsync();
        var result = await factory.LoadAsync(Batch());

        result.InsertedByTable.Should().Contain("hub_customer", 2).And.Contain("sat_customer_details", 2);
    }

    [Fact]
    public void The_configure_lambda_form_registers_the_same()
    {
        var services = new ServiceCollection();
        services.AddDataVault(Model(), _ => NewConnection(), dv => dv.UseSqlite().UseLoadOptions(LoadOptions.Default with { EndDating = true }));

        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<VaultLoaderFactory>();
        factory.Dialect.Should().BeSameAs(SqlDialects.Sqlite);
        factory.Options.EndDating.Should().BeTrue();
        provider.GetRequiredService<SqlDialect>().Should().BeSameAs(SqlDialects.Sqlite);
    }

    [Fact]
    public async Task The_loader_stages_through_the_providers_writer_after_the_writers_added_by_hand()
    {
        var calls = new List<string>();
        var declining = new RecordingFactory("added", calls, decline: true);
        var providerWriter = new RecordingFactory("provider", calls, decline: false);
        var services = new ServiceCollection();
        services.AddDataVault(Model(), _ => NewConnection())
            .UseLoadOptions(LoadOptions.Default with { ChunkSize = 1 })
            .AddStagingWriter(declining)
            .UseProvider(new DataVaultProvider(SqlDialects.Sqlite, providerWriter));

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<VaultLoaderFactory>();
        factory.Options.StagingWriters.Should().Equal(declining, providerWriter);
        factory.Options.ChunkSize.Should().Be(1);
        await factory.EnsureVaultAsync();
        var result = await factory.LoadAsync(Batch());

        result.InsertedByTable.Should().Contain("hub_customer", 2);
        calls.Should().StartWith(["asked added", "asked provider"], "the writers added by hand are asked first");
        providerWriter.RowsWritten.Should().BeGreaterThanOrEqualTo(4, "both rows were staged for the hub and for the satellite through the provider's writer");
    }

    [Fact]
    public void A_second_Use_call_for_another_provider_is_an_error()
    {
        var builder = new ServiceCollection().AddDataVault(Model(), _ => NewConnection()).UseSqlite();

        var other = () => builder.UseProvider(new DataVaultProvider(SqlDialects.DuckDb, null));

        other.Should().Throw<InvalidOperationException>().WithMessage("*already uses the SQLite provider*cannot also use DuckDB*");
    }

    [Fact]
    public void A_second_Use_call_for_the_same_engine_with_another_writer_is_an_error()
    {
        var builder = new ServiceCollection().AddDataVault(Model(), _ => NewConnection()).UseSqlite();

        var other = () => builder.UseProvider(new DataVaultProvider(SqlDialects.Sqlite, new SqliteWriterFactory()));

        other.Should().Throw<InvalidOperationException>().WithMessage("*SQLite provider with other settings*none*SqliteWriterFactory*");
    }

    [Fact]
    public void Repeating_a_Use_call_with_the_same_settings_changes_nothing()
    {
        var services = new ServiceCollection();
        services.AddDataVault(Model(), _ => NewConnection())
            .UseProvider(new DataVaultProvider(SqlDialects.Sqlite, new SqliteWriterFactory()))
            .UseProvider(new DataVaultProvider(SqlDialects.Sqlite, new SqliteWriterFactory()));
        var twice = new ServiceCollection();
        twice.AddDataVault(Model(), _ => NewConnection()).UseSqlite().UseSqlite();

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<VaultLoaderFactory>().Options.StagingWriters.Should().ContainSingle()
            .Which.Should().BeOfType<SqliteWriterFactory>();
        using var twiceProvider = twice.BuildServiceProvider();
        twiceProvider.GetRequiredService<VaultLoaderFactory>().Dialect.Should().BeSameAs(SqlDialects.Sqlite);
    }

    [Fact]
    public void A_provider_must_write_the_dialect_given_to_AddDataVault()
    {
        var services = new ServiceCollection();

        var mismatch = () => services.AddDataVault(Model(), SqlDialects.PostgreSql, _ => NewConnection(), dv => dv.UseSqlite());

        mismatch.Should().Throw<InvalidOperationException>().WithMessage("*given the PostgreSQL dialect*SQLite provider writes SQLite SQL*");
        services.Should().BeEmpty("nothing is registered by a call that failed");
    }

    [Fact]
    public void The_dialect_overload_takes_the_providers_writer_when_the_dialect_is_the_providers()
    {
        var writer = new SqliteWriterFactory();
        var services = new ServiceCollection();
        services.AddDataVault(Model(), SqlDialects.Sqlite, _ => NewConnection()).UseProvider(new DataVaultProvider(SqlDialects.Sqlite, writer));

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<VaultLoaderFactory>().Options.StagingWriters.Should().Equal(writer);
    }

    [Fact]
    public void Without_a_provider_resolving_the_loader_factory_names_the_Use_methods()
    {
        var services = new ServiceCollection();
        services.AddDataVault(Model(), _ => NewConnection());

        using var provider = services.BuildServiceProvider();
        var resolve = () => provider.GetRequiredService<VaultLoaderFactory>();
        var dialect = () => provider.GetRequiredService<SqlDialect>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*no database provider*UseSqlite()*UsePostgreSql()*UseMariaDb()*UseDuckDb()*");
        dialect.Should().Throw<InvalidOperationException>().WithMessage("*no database provider*");
    }

    [Fact]
    public void The_builder_refuses_changes_after_the_services_were_resolved()
    {
        var services = new ServiceCollection();
        var builder = services.AddDataVault(Model(), _ => NewConnection()).UseSqlite();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<VaultLoaderFactory>();

        var addWriter = () => builder.AddStagingWriter(new SqliteWriterFactory());
        var setOptions = () => builder.UseLoadOptions(LoadOptions.Default with { EndDating = true });
        var useAgain = () => builder.UseSqlite();

        addWriter.Should().Throw<InvalidOperationException>().WithMessage("*already resolved*");
        setOptions.Should().Throw<InvalidOperationException>().WithMessage("*already resolved*");
        useAgain.Should().Throw<InvalidOperationException>().WithMessage("*already resolved*");
    }

    [Fact]
    public void Other_load_options_set_a_second_time_are_an_error_and_equal_ones_change_nothing()
    {
        var builder = new ServiceCollection().AddDataVault(Model(), _ => NewConnection()).UseSqlite()
            .UseLoadOptions(LoadOptions.Default with { EndDating = true })
            .UseLoadOptions(LoadOptions.Default with { EndDating = true });

        var other = () => builder.UseLoadOptions(LoadOptions.Default with { ChunkSize = 5 });

        other.Should().Throw<InvalidOperationException>().WithMessage("*already has other load options*");
    }

    [Fact]
    public async Task A_provider_creates_a_loader_with_its_dialect_and_writer_without_DI()
    {
        var writer = new RecordingFactory("provider", [], decline: false);
        await using var connection = NewConnection();

        var loader = new DataVaultProvider(SqlDialects.Sqlite, writer).CreateLoader(connection, Model());
        await loader.EnsureVaultAsync();
        var result = await loader.LoadAsync(Batch());

        result.InsertedByTable.Should().Contain("hub_customer", 2).And.Contain("sat_customer_details", 2);
        writer.RowsWritten.Should().BeGreaterThanOrEqualTo(4, "the provider's writer staged the rows");
    }

    [Fact]
    public async Task SqliteProvider_loads_with_the_generic_writer()
    {
        await using var connection = NewConnection();

        var loader = SqliteProvider.Default.CreateLoader(connection, Model(), LoadOptions.Default with { EndDating = true });
        await loader.EnsureVaultAsync();
        var result = await loader.LoadAsync(Batch());

        SqliteProvider.Default.Dialect.Should().BeSameAs(SqlDialects.Sqlite);
        SqliteProvider.Default.StagingWriter.Should().BeNull();
        SqliteProvider.Default.Name.Should().Be("SQLite");
        result.InsertedByTable.Should().Contain("hub_customer", 2);
    }

    [Fact]
    public void ApplyTo_adds_the_writer_after_the_given_ones_once()
    {
        var own = new RecordingFactory("own", [], decline: true);
        var provider = new DataVaultProvider(SqlDialects.Sqlite, new SqliteWriterFactory());
        var options = LoadOptions.Default with { StagingWriters = [own], EndDating = true };

        var applied = provider.ApplyTo(options);

        applied.StagingWriters.Should().HaveCount(2);
        applied.StagingWriters[0].Should().BeSameAs(own);
        applied.StagingWriters[1].Should().BeSameAs(provider.StagingWriter);
        applied.EndDating.Should().BeTrue();
        provider.ApplyTo(applied).Should().BeSameAs(applied, "the writer is there already");
        provider.ApplyTo(LoadOptions.Default with { StagingWriters = [new SqliteWriterFactory()] }).StagingWriters.Should().ContainSingle("an equal factory counts as there");
        SqliteProvider.Default.ApplyTo(options).Should().BeSameAs(options, "SQLite adds no writer");
        var nullOptions = () => provider.ApplyTo(null!);
        nullOptions.Should().Throw<ArgumentNullException>();
        var noDialect = () => new DataVaultProvider(null!, null);
        noDialect.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task The_factory_base_creates_writers_for_its_connection_type_only()
    {
        var factory = new SqliteWriterFactory();
        await using var sqlite = new SqliteConnection("Data Source=:memory:");
        await sqlite.OpenAsync();
        await using var transaction = await sqlite.BeginTransactionAsync();

        await using (var writer = factory.TryCreate(sqlite, transaction, SqlDialects.Sqlite))
        {
            writer.Should().BeOfType<CommandStagingWriter>();
        }

        factory.TryCreate(new OtherConnection(), null!, SqlDialects.Sqlite).Should().BeNull("another provider's connection is not this factory's");
        var noConnection = () => factory.TryCreate(null!, transaction, SqlDialects.Sqlite);
        noConnection.Should().Throw<ArgumentNullException>().WithParameterName("connection");
        var noTransaction = () => factory.TryCreate(sqlite, null!, SqlDialects.Sqlite);
        noTransaction.Should().Throw<ArgumentNullException>().WithParameterName("transaction");
        var foreignTransaction = () => factory.TryCreate(sqlite, new OtherTransaction(), SqlDialects.Sqlite);
        foreignTransaction.Should().Throw<ArgumentException>().WithParameterName("transaction")
            .WithMessage("The transaction is of type OtherTransaction, not SqliteTransaction*SqliteConnection*");
    }

    [Fact]
    public void Factories_of_the_same_type_are_equal()
    {
        new SqliteWriterFactory().Should().Be(new SqliteWriterFactory());
        new SqliteWriterFactory().GetHashCode().Should().Be(new SqliteWriterFactory().GetHashCode());
        new SqliteWriterFactory().Should().NotBe(new OtherSqliteWriterFactory());
        new SqliteWriterFactory().Equals(null).Should().BeFalse();
    }

    [Fact]
    public async Task The_writer_arguments_check_refuses_a_transaction_of_another_connection()
    {
        await using var first = new SqliteConnection("Data Source=:memory:");
        await using var second = new SqliteConnection("Data Source=:memory:");
        await first.OpenAsync();
        await second.OpenAsync();
        await using var transaction = await first.BeginTransactionAsync();
        await using var committed = await second.BeginTransactionAsync();
        await committed.CommitAsync();

        StagingWriterArguments.ThrowIfInvalid(first, transaction, SqlDialects.Sqlite);
        var foreign = () => StagingWriterArguments.ThrowIfInvalid(second, transaction, SqlDialects.Sqlite);
        foreign.Should().Throw<ArgumentException>().WithParameterName("transaction").WithMessage("The transaction is not an open transaction of this connection.*");
        var finished = () => StagingWriterArguments.ThrowIfInvalid(second, committed, SqlDialects.Sqlite);
        finished.Should().Throw<ArgumentException>().WithParameterName("transaction");
        var noConnection = () => StagingWriterArguments.ThrowIfInvalid(null!, transaction, SqlDialects.Sqlite);
        noConnection.Should().Throw<ArgumentNullException>().WithParameterName("connection");
        var noTransaction = () => StagingWriterArguments.ThrowIfInvalid(first, null!, SqlDialects.Sqlite);
        noTransaction.Should().Throw<ArgumentNullException>().WithParameterName("transaction");
        var noDialect = () => StagingWriterArguments.ThrowIfInvalid(first, transaction, null!);
        noDialect.Should().Throw<ArgumentNullException>().WithParameterName("dialect");
    }

    /// <summary>A provider factory on the generic base: the generic writer, for SQLite connections.</summary>
    private sealed class SqliteWriterFactory : StagingWriterFactory<SqliteConnection, SqliteTransaction>
    {
        protected override IStagingWriter Create(SqliteConnection connection, SqliteTransaction transaction, SqlDialect dialect)
        {
            StagingWriterArguments.ThrowIfInvalid(connection, transaction, dialect);
            return new CommandStagingWriter(connection, transaction, dialect);
        }
    }

    private sealed class OtherSqliteWriterFactory : StagingWriterFactory<SqliteConnection, SqliteTransaction>
    {
        protected override IStagingWriter Create(SqliteConnection connection, SqliteTransaction transaction, SqlDialect dialect) =>
            new CommandStagingWriter(connection, transaction, dialect);
    }

    /// <summary>Records that it was asked; declines, or stages through the generic writer and counts the rows.</summary>
    private sealed class RecordingFactory(string name, List<string> calls, bool decline) : IStagingWriterFactory
    {
        private int _rows;

        public int RowsWritten => _rows;

        public IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
        {
            lock (calls)
            {
                calls.Add("asked " + name);
            }

            return decline ? null : new CountingWriter(new CommandStagingWriter(connection, transaction, dialect), this);
        }

        private sealed class CountingWriter(IStagingWriter inner, RecordingFactory owner) : IStagingWriter
        {
            public async Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
            {
                await inner.WriteAsync(table, rows, cancellationToken);
                Interlocked.Add(ref owner._rows, rows.Count);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    private sealed class OtherConnection : DbConnection
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string ConnectionString { get; set; } = string.Empty;

        public override string Database => string.Empty;

        public override string DataSource => string.Empty;

        public override string ServerVersion => string.Empty;

        public override ConnectionState State => ConnectionState.Closed;

        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

        public override void Close()
        {
        }

        public override void Open() => throw new NotSupportedException();

        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();

        protected override DbCommand CreateDbCommand() => throw new NotSupportedException();
    }

    private sealed class OtherTransaction : DbTransaction
    {
        public override IsolationLevel IsolationLevel => IsolationLevel.Unspecified;

        protected override DbConnection? DbConnection => null;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}
