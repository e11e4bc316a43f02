namespace DataVault.Core.Sql;

/// <summary>A dialect was asked for something its engine cannot do. Never silently empty SQL.</summary>
public sealed class UnsupportedSqlFeatureException : NotSupportedException
{
    /// <summary>Creates the exception for <paramref name="dialect"/> and <paramref name="feature"/>.</summary>
    /// <param name="dialect">The dialect's name.</param>
    /// <param name="feature">What was asked for.</param>
    /// <param name="reason">Why the engine cannot, and what to do instead.</param>
    public UnsupportedSqlFeatureException(string dialect, string feature, string reason)
        : base($"{dialect} does not support {feature}: {reason}")
    {
        Dialect = dialect;
        Feature = feature;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public UnsupportedSqlFeatureException()
        : this("The dialect", "this feature", "unsupported")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public UnsupportedSqlFeatureException(string message)
        : base(message)
    {
        Dialect = string.Empty;
        Feature = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnsupportedSqlFeatureException(string message, Exception innerException)
        : base(message, innerException)
    {
        Dialect = string.Empty;
        Feature = string.Empty;
    }

    /// <summary>The dialect's name.</summary>
    public string Dialect { get; }

    /// <summary>The feature that was asked for.</summary>
    public string Feature { get; }
}
