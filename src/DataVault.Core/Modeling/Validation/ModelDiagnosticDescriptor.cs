using System.Text;

namespace DataVault.Core.Modeling.Validation;

/// <summary>
/// One kind of <see cref="ModelDiagnostic"/>, like Roslyn's <c>DiagnosticDescriptor</c>: its stable code, the name of
/// that code in <see cref="DiagnosticCodes"/>, and the composite formats of its message and fix. A code may have
/// several descriptors, one per wording (a duplicate column of a table, of the naming conventions, of a PIT, ...);
/// docs/diagnostics.md has one row per code. The typed subclasses fix the arguments, so a message cannot be built
/// with the wrong ones; <see cref="DiagnosticText"/> renders them.
/// </summary>
internal abstract class ModelDiagnosticDescriptor
{
    private readonly CompositeFormat _message;
    private readonly CompositeFormat _fix;

    private protected ModelDiagnosticDescriptor(string code, string name, string messageFormat, string fixFormat, int arguments)
    {
        Code = code;
        Name = name;
        MessageFormat = messageFormat;
        FixFormat = fixFormat;
        _message = CompositeFormat.Parse(messageFormat);
        _fix = CompositeFormat.Parse(fixFormat);
        if (Math.Max(_message.MinimumArgumentCount, _fix.MinimumArgumentCount) != arguments)
        {
            // A format that names an argument the descriptor does not take (or leaves its last one unused) is a bug of
            // the table; it fails when the table is first used, i.e. in every test.
            throw new InvalidOperationException($"Descriptor {name} ({code}) takes {arguments} argument(s), but its formats use {Math.Max(_message.MinimumArgumentCount, _fix.MinimumArgumentCount)}.");
        }
    }

    /// <summary>The stable code, a constant of <see cref="DiagnosticCodes"/>, e.g. <c>DV1021</c>.</summary>
    public string Code { get; }

    /// <summary>The name of <see cref="Code"/>'s constant in <see cref="DiagnosticCodes"/>, e.g. <c>UnknownHub</c>.</summary>
    public string Name { get; }

    /// <summary>The composite format of the message (what is wrong).</summary>
    public string MessageFormat { get; }

    /// <summary>The composite format of the fix (how to fix it), over the same arguments.</summary>
    public string FixFormat { get; }

    private protected ModelDiagnostic CreateCore(string path, params ReadOnlySpan<object?> arguments) => new(
        Code,
        path,
        string.Format(DiagnosticText.Instance, _message, arguments),
        string.Format(DiagnosticText.Instance, _fix, arguments));
}

/// <summary>A descriptor whose message and fix are fixed text: they take no argument.</summary>
internal sealed class FixedModelDiagnosticDescriptor(string code, string name, string messageFormat, string fixFormat)
    : ModelDiagnosticDescriptor(code, name, messageFormat, fixFormat, 0)
{
    /// <summary>The diagnostic at <paramref name="path"/>.</summary>
    /// <param name="path">Where, e.g. <c>vault</c>.</param>
    /// <returns>The diagnostic.</returns>
    public ModelDiagnostic Create(string path) => CreateCore(path);
}

/// <summary>A descriptor whose formats take one argument (<c>{0}</c>).</summary>
/// <typeparam name="T1">The type of <c>{0}</c>.</typeparam>
internal sealed class ModelDiagnosticDescriptor<T1>(string code, string name, string messageFormat, string fixFormat)
    : ModelDiagnosticDescriptor(code, name, messageFormat, fixFormat, 1)
{
    /// <summary>The diagnostic at <paramref name="path"/>.</summary>
    /// <param name="path">Where, e.g. <c>hub:customer</c>.</param>
    /// <param name="arg0"><c>{0}</c>.</param>
    /// <returns>The diagnostic.</returns>
    public ModelDiagnostic Create(string path, T1 arg0) => CreateCore(path, arg0);
}

/// <summary>A descriptor whose formats take two arguments.</summary>
/// <typeparam name="T1">The type of <c>{0}</c>.</typeparam>
/// <typeparam name="T2">The type of <c>{1}</c>.</typeparam>
internal sealed class ModelDiagnosticDescriptor<T1, T2>(string code, string name, string messageFormat, string fixFormat)
    : ModelDiagnosticDescriptor(code, name, messageFormat, fixFormat, 2)
{
    /// <summary>The diagnostic at <paramref name="path"/>.</summary>
    /// <param name="path">Where.</param>
    /// <param name="arg0"><c>{0}</c>.</param>
    /// <param name="arg1"><c>{1}</c>.</param>
    /// <returns>The diagnostic.</returns>
    public ModelDiagnostic Create(string path, T1 arg0, T2 arg1) => CreateCore(path, arg0, arg1);
}

/// <summary>A descriptor whose formats take three arguments.</summary>
/// <typeparam name="T1">The type of <c>{0}</c>.</typeparam>
/// <typeparam name="T2">The type of <c>{1}</c>.</typeparam>
/// <typeparam name="T3">The type of <c>{2}</c>.</typeparam>
internal sealed class ModelDiagnosticDescriptor<T1, T2, T3>(string code, string name, string messageFormat, string fixFormat)
    : ModelDiagnosticDescriptor(code, name, messageFormat, fixFormat, 3)
{
    /// <summary>The diagnostic at <paramref name="path"/>.</summary>
    /// <param name="path">Where.</param>
    /// <param name="arg0"><c>{0}</c>.</param>
    /// <param name="arg1"><c>{1}</c>.</param>
    /// <param name="arg2"><c>{2}</c>.</param>
    /// <returns>The diagnostic.</returns>
    public ModelDiagnostic Create(string path, T1 arg0, T2 arg1, T3 arg2) => CreateCore(path, arg0, arg1, arg2);
}

/// <summary>A descriptor whose formats take four arguments.</summary>
/// <typeparam name="T1">The type of <c>{0}</c>.</typeparam>
/// <typeparam name="T2">The type of <c>{1}</c>.</typeparam>
/// <typeparam name="T3">The type of <c>{2}</c>.</typeparam>
/// <typeparam name="T4">The type of <c>{3}</c>.</typeparam>
internal sealed class ModelDiagnosticDescriptor<T1, T2, T3, T4>(string code, string name, string messageFormat, string fixFormat)
    : ModelDiagnosticDescriptor(code, name, messageFormat, fixFormat, 4)
{
    /// <summary>The diagnostic at <paramref name="path"/>.</summary>
    /// <param name="path">Where.</param>
    /// <param name="arg0"><c>{0}</c>.</param>
    /// <param name="arg1"><c>{1}</c>.</param>
    /// <param name="arg2"><c>{2}</c>.</param>
    /// <param name="arg3"><c>{3}</c>.</param>
    /// <returns>The diagnostic.</returns>
    public ModelDiagnostic Create(string path, T1 arg0, T2 arg1, T3 arg2, T4 arg3) => CreateCore(path, arg0, arg1, arg2, arg3);
}

/// <summary>A descriptor whose formats take five arguments.</summary>
/// <typeparam name="T1">The type of <c>{0}</c>.</typeparam>
/// <typeparam name="T2">The type of <c>{1}</c>.</typeparam>
/// <typeparam name="T3">The type of <c>{2}</c>.</typeparam>
/// <typeparam name="T4">The type of <c>{3}</c>.</typeparam>
/// <typeparam name="T5">The type of <c>{4}</c>.</typeparam>
internal sealed class ModelDiagnosticDescriptor<T1, T2, T3, T4, T5>(string code, string name, string messageFormat, string fixFormat)
    : ModelDiagnosticDescriptor(code, name, messageFormat, fixFormat, 5)
{
    /// <summary>The diagnostic at <paramref name="path"/>.</summary>
    /// <param name="path">Where.</param>
    /// <param name="arg0"><c>{0}</c>.</param>
    /// <param name="arg1"><c>{1}</c>.</param>
    /// <param name="arg2"><c>{2}</c>.</param>
    /// <param name="arg3"><c>{3}</c>.</param>
    /// <param name="arg4"><c>{4}</c>.</param>
    /// <returns>The diagnostic.</returns>
    public ModelDiagnostic Create(string path, T1 arg0, T2 arg1, T3 arg2, T4 arg3, T5 arg4) => CreateCore(path, arg0, arg1, arg2, arg3, arg4);
}
