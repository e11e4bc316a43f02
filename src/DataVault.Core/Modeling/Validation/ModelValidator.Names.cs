using DataVault.Core.Modeling.Resolution;

namespace DataVault.Core.Modeling.Validation;

// The validator's rules of one concept. Names: declarations, tables, identifiers and the naming conventions' system columns.
internal sealed partial class ModelValidator
{
    /// <summary>Names: a refused declaration (DV1003, DV1001) is reported and goes no further; an accepted one has its table checked.</summary>
    /// <returns>Whether the declaration is in the model, so that its other rules apply.</returns>
    private bool CheckEntity(Declaration declaration)
    {
        switch (declaration.Refusal)
        {
            case Refusal.DuplicateName:
                Report(ModelDiagnostics.DuplicateEntityName.Create(declaration.Path, declaration.Kind, declaration.Name));
                return false;
            case Refusal.UnsafeName:
                Report(ModelDiagnostics.UnsafeIdentifier.Create(declaration.Path, declaration.Name));
                return false;
            default:
                CheckTable(declaration);
                return true;
        }
    }

    /// <summary>A hub or link: its name and table, then its hash-key column (made here, so checked here only).</summary>
    private bool CheckKeyedEntity(Declaration declaration, string hashKey)
    {
        if (!CheckEntity(declaration))
        {
            return false;
        }

        CheckIdentifier(hashKey, declaration.Path + "/hash_key");
        return true;
    }

    /// <summary>Tables: a safe, short enough name that no earlier entity's table has (case-insensitively, DV1004).</summary>
    private void CheckTable(Declaration declaration)
    {
        CheckIdentifier(declaration.Table, declaration.Path + "/table");
        if (_tables.TryGetValue(declaration.Table, out var other))
        {
            Report(ModelDiagnostics.DuplicateTableName.Create(declaration.Path, declaration.Table, other));
        }
        else
        {
            _tables[declaration.Table] = declaration.Path;
        }
    }

    /// <summary>Identifiers: safe (DV1001) and no longer than the target allows (DV1002).</summary>
    private void CheckIdentifier(string? name, string path)
    {
        if (name is null || !Identifiers.IsSafe(name))
        {
            Report(ModelDiagnostics.UnsafeIdentifier.Create(path, name));
        }
        else if (Identifiers.ByteLength(name) > _maxLength)
        {
            Report(ModelDiagnostics.IdentifierTooLong.Create(path, name, Identifiers.ByteLength(name), _targetName, _maxLength));
        }
    }

    /// <summary>Schemas: plain identifiers (DV1001, DV1002) on a target that has schemas (DV1008).</summary>
    private void CheckSchemas()
    {
        foreach (var (layer, schema) in new[] { ("raw_vault", _model.Schemas.RawVault), ("business_vault", _model.Schemas.BusinessVault) })
        {
            if (schema is null)
            {
                continue;
            }

            var path = "schemas/" + layer;
            CheckIdentifier(schema, path);
            if (!_schemas)
            {
                Report(ModelDiagnostics.SchemasNotSupported.Create(path, _targetName, schema));
            }
        }
    }

    /// <summary>Naming conventions: the system columns are safe, short enough, and distinct (DV1005).</summary>
    private void CheckNamingConventions()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (member, column) in new[] { ("load_date", _naming.LoadDate), ("load_end_date", _naming.LoadEndDate), ("record_source", _naming.RecordSource), ("hash_diff", _naming.HashDiff) })
        {
            var path = "naming/" + member;
            CheckIdentifier(column, path);
            if (column is null)
            {
                continue;
            }

            if (seen.TryGetValue(column, out var other))
            {
                Report(ModelDiagnostics.DuplicateSystemColumn.Create(path, member, column, other));
            }
            else
            {
                seen[column] = member;
            }
        }
    }
}
