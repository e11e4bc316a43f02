namespace DataVault.Core.Loading.Staging;

/// <summary>The kind of vault table a staging table feeds.</summary>
internal enum TargetKind
{
    Hub,
    Link,
    Satellite,
}
