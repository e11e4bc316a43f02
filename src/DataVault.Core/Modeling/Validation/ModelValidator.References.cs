using DataVault.Core.Modeling.Resolution;

namespace DataVault.Core.Modeling.Validation;

// The validator's rules of one concept. References: a link's hubs and key parts, a satellite's parent.
internal sealed partial class ModelValidator
{
    /// <summary>
    /// A link's hubs: at least two (DV1020); each reference's role a safe name; each hub declared (DV1021) and not
    /// repeated with the same role (DV1022); each resolved reference's column a safe, short name.
    /// </summary>
    private void CheckLinkHubs(ResolvedLink link)
    {
        var name = link.Declaration.Name;
        if (link.Builder.Hubs.Count < 2)
        {
            Report(ModelDiagnostics.LinkWithTooFewHubs.Create(link.Declaration.Path, name, link.Builder.Hubs.Count));
        }

        foreach (var reference in link.References)
        {
            if (reference.Role is not null)
            {
                CheckIdentifier(reference.Role, reference.Path + "/role");
            }

            switch (reference.Outcome)
            {
                case ReferenceOutcome.Undeclared:
                    Report(ModelDiagnostics.UnknownHub.Create(reference.Path, name, reference.HubName, _model.HubNames));
                    break;
                case ReferenceOutcome.Repeated:
                    Report(ModelDiagnostics.DuplicateLinkRole.Create(reference.Path, name, reference.HubName));
                    break;
                case ReferenceOutcome.Resolved when reference.Reference is not null:
                    CheckIdentifier(reference.Reference.HashKeyColumn, reference.Path + "/hash_key");
                    break;
            }
        }
    }

    /// <summary>
    /// A link's key parts (its hubs' business keys, role-prefixed, then its child keys) are the columns of its staging
    /// row: distinct (DV1005) and, where a role prefixes them, short enough.
    /// </summary>
    private void CheckKeyParts(ResolvedLink link)
    {
        var (path, name) = (link.Declaration.Path, link.Declaration.Name);
        var staged = new Dictionary<string, LinkHubReference>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in link.Hubs)
        {
            foreach (var key in reference.BusinessKeyColumns())
            {
                if (reference.Role is not null && Identifiers.IsSafe(key.Name))
                {
                    CheckIdentifier(key.Name, $"{path}/{key.Name}");
                }

                if (!staged.TryAdd(key.Name, reference))
                {
                    Report(ModelDiagnostics.DuplicateLinkKeyPart.Create($"{path}/{key.Name}", name, key.Name, reference, staged[key.Name], reference.Hub.Name));
                }
            }
        }

        foreach (var key in link.Builder.DependentChildKeys)
        {
            if (staged.TryGetValue(key.Name, out var reference))
            {
                Report(ModelDiagnostics.ChildKeyNamedLikeBusinessKey.Create($"{path}/{key.Name}", key.Name, name, reference));
            }
        }
    }

    /// <summary>Parents: a satellite has exactly one (DV1030, DV1031), and it is declared (DV1032).</summary>
    private void CheckParent(ResolvedSatellite satellite)
    {
        var (path, name, parent) = (satellite.Declaration.Path, satellite.Declaration.Name, satellite.Parent);
        switch (parent.Outcome)
        {
            case ReferenceOutcome.Missing:
                Report(ModelDiagnostics.SatelliteWithoutParent.Create(path, name));
                break;
            case ReferenceOutcome.Several:
                Report(ModelDiagnostics.SatelliteWithTwoParents.Create(path, name, satellite.Builder.Parents));
                break;
            case ReferenceOutcome.Undeclared:
                Report(ModelDiagnostics.UnknownSatelliteParent.Create(parent.Path, name, parent.Kind, parent.Name, parent.Kind == "hub" ? _model.HubNames : _model.LinkNames));
                break;
        }
    }
}
