using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Sql;

public sealed class SqliteConformanceTests : DialectConformanceTests
{
    protected override SqlDialect Dialect => SqlDialects.Sqlite;

    protected override string GoldenFolder => "sqlite";
}
