using DataVault.Core.Modeling.Resolution;

namespace DataVault.Core.Modeling.Validation;

// The validator's rules of one concept. Point-in-time tables: the hub, the satellites, the columns.
internal sealed partial class ModelValidator
{
    /// <summary>A PIT is over exactly one hub (DV1060), and it is declared (DV1061).</summary>
    private void CheckPitHub(ResolvedPointInTime pointInTime)
    {
        var (path, name, hub) = (pointInTime.Declaration.Path, pointInTime.Declaration.Name, pointInTime.Hub);
        switch (hub.Outcome)
        {
            case ReferenceOutcome.Missing:
                Report(ModelDiagnostics.PitWithoutHub.Create(path, name));
                break;
            case ReferenceOutcome.Several:
                Report(ModelDiagnostics.PitOverSeveralHubs.Create(path, name, pointInTime.Builder.Hubs));
                break;
            case ReferenceOutcome.Undeclared:
                Report(ModelDiagnostics.UnknownPitHub.Create(hub.Path, name, hub.Name, _model.HubNames));
                break;
        }
    }

    /// <summary>
    /// A PIT's satellites: at least one when none is listed (DV1064); each listed one listed once (DV1005), declared
    /// (DV1062) and describing the PIT's hub (DV1063). The fixes list the candidates: the hub's satellites.
    /// </summary>
    private void CheckPitSatellites(ResolvedPointInTime pointInTime)
    {
        var (path, name, hub) = (pointInTime.Declaration.Path, pointInTime.Declaration.Name, pointInTime.Hub.Target);
        if (pointInTime.Coverage == PitCoverage.HubHasNoSatellite && hub is not null)
        {
            Report(ModelDiagnostics.PitWithoutSatellites.Create(path, name, hub.Name));
        }

        var ofHub = _model.BuiltSatellites.Where(s => ReferenceEquals(s.Parent, hub)).Select(s => s.Name);
        foreach (var listed in pointInTime.Listed)
        {
            switch (listed.Outcome)
            {
                case ReferenceOutcome.Repeated:
                    Report(ModelDiagnostics.DuplicatePitSatellite.Create(listed.Path, name, listed.Name));
                    break;
                case ReferenceOutcome.Undeclared when hub is null:
                    Report(ModelDiagnostics.UnknownPitSatellite.Create(listed.Path, name, listed.Name, _model.BuiltSatellites.Select(s => s.Name)));
                    break;
                case ReferenceOutcome.Undeclared:
                    Report(ModelDiagnostics.UnknownPitSatelliteOfHub.Create(listed.Path, name, listed.Name, hub.Name, ofHub));
                    break;
                case ReferenceOutcome.OtherParent when hub is not null && listed.Target is not null:
                    Report(ModelDiagnostics.PitSatelliteNotOnHub.Create(listed.Path, name, hub.Name, listed.Name, listed.Target.Parent, ofHub));
                    break;
            }
        }
    }

    /// <summary>A PIT's columns: each load-date column a safe, short name; with its hub's key and the snapshot date, distinct and no system column.</summary>
    private void CheckPitColumns(ResolvedPointInTime pointInTime)
    {
        var path = pointInTime.Declaration.Path;
        foreach (var column in pointInTime.Columns)
        {
            CheckIdentifier(column.LoadDateColumn, $"{path}/sat:{column.Satellite.Name}/load_date");
        }

        if (pointInTime.Hub.Target is { } hub)
        {
            CheckColumns(path, [hub.HashKeyColumn, _naming.SnapshotDate, .. pointInTime.Columns.Select(c => c.LoadDateColumn)], []);
        }
    }
}
