namespace DataVault.Core.Modeling.Resolution;

/// <summary>How a reference to another declaration resolved: a link's hub, a satellite's parent, a PIT's hub or satellite.</summary>
internal enum ReferenceOutcome
{
    /// <summary>Found: the reference has its target.</summary>
    Resolved,

    /// <summary>No declaration has the name.</summary>
    Undeclared,

    /// <summary>A declaration has the name but was refused; its own diagnostic covers the problem.</summary>
    Refused,

    /// <summary>The same reference again: a link's hub with the same role, a PIT's satellite listed twice.</summary>
    Repeated,

    /// <summary>None was given where one is needed: a satellite's parent, a PIT's hub.</summary>
    Missing,

    /// <summary>More than one was given where one is needed: a satellite's parents, a PIT's hubs.</summary>
    Several,

    /// <summary>A PIT's satellite that describes another parent than the PIT's hub; the reference has the satellite.</summary>
    OtherParent,
}
