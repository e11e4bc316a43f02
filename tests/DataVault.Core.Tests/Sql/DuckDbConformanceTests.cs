using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Sql;

public sealed class DuckDbConformanceTests : DialectConformanceTests
{
    protected override SqlDialect Dialect => SqlDialects.DuckDb;

    protected override string GoldenFolder => "duckdb";
}
