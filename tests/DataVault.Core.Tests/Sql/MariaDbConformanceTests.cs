using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Sql;

public sealed class MariaDbConformanceTests : DialectConformanceTests
{
    protected override SqlDialect Dialect => SqlDialects.MariaDb;

    protected override string GoldenFolder => "mariadb";
}
