using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>
/// The public surface of an assembly as C#-like text: namespaces, then types, then members, each in ordinal order, so
/// the same surface always gives the same text and any change shows as a small diff.
/// </summary>
public static class PublicApiListing
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Lists every type code outside <paramref name="assembly"/> can see, with its visible members.</summary>
    /// <param name="assembly">The assembly to list.</param>
    /// <returns>The listing, lines ending in <c>\n</c>.</returns>
    public static string Create(Assembly assembly)
    {
        var signatures = new MemberSignatures();
        var text = new StringBuilder();
        var types = assembly.GetExportedTypes()
            .Where(type => !IsCompilerGenerated(type))
            .GroupBy(type => type.Namespace ?? "")
            .OrderBy(group => group.Key, StringComparer.Ordinal);

        foreach (var group in types)
        {
            text.Append(text.Length == 0 ? "" : "\n").Append("namespace ").Append(group.Key).Append('\n');
            foreach (var type in group.OrderBy(TypeNames.ShortName, StringComparer.Ordinal))
            {
                text.Append('\n');
                foreach (var line in TypeLines(type, signatures))
                {
                    text.Append(line).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The declaration line of a type, then one indented line per visible member.</summary>
    /// <param name="type">A type visible outside its assembly.</param>
    /// <returns>The lines, without line ends.</returns>
    public static IEnumerable<string> TypeLines(Type type) => TypeLines(type, new MemberSignatures());

    private static IEnumerable<string> TypeLines(Type type, MemberSignatures signatures)
    {
        foreach (var attribute in TypeAttributes(type))
        {
            yield return attribute;
        }

        yield return TypeDeclarations.Declaration(type, signatures);
        foreach (var member in MemberLines(type, signatures))
        {
            yield return "    " + member;
        }
    }

    private static IEnumerable<string> TypeAttributes(Type type)
    {
        if (type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            yield return "[Flags]";
        }

        if (type.GetCustomAttribute<ObsoleteAttribute>() is { } obsolete)
        {
            yield return obsolete.Message is null ? "[Obsolete]" : $"[Obsolete(\"{obsolete.Message}\")]";
        }
    }

    private static IEnumerable<string> MemberLines(Type type, MemberSignatures signatures)
    {
        if (type.IsEnum)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(field => field.GetRawConstantValue())
                .ThenBy(field => field.Name, StringComparer.Ordinal)
                .Select(MemberSignatures.EnumMember);
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return [];
        }

        var inInterface = type.IsInterface;
        var fields = type.GetFields(Declared)
            .Where(f => MemberSignatures.IsVisible(f) && IsSpeakable(f))
            .Select(f => (f.Name, Line: signatures.Field(f)));
        var constructors = type.GetConstructors(Declared)
            .Where(c => MemberSignatures.IsVisible(c))
            .Select(c => (c.Name, Line: signatures.Constructor(c)));
        var properties = type.GetProperties(Declared)
            .Where(p => (MemberSignatures.IsVisible(p.GetMethod) || MemberSignatures.IsVisible(p.SetMethod)) && IsSpeakable(p))
            .Select(p => (p.Name, Line: signatures.Property(p, inInterface)));
        var events = type.GetEvents(Declared)
            .Where(e => MemberSignatures.IsVisible(e.AddMethod))
            .Select(e => (e.Name, Line: signatures.Event(e, inInterface)));
        var methods = type.GetMethods(Declared)
            .Where(m => MemberSignatures.IsVisible(m) && IsSpeakable(m) && (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)))
            .Select(m => (m.Name, Line: signatures.Method(m, inInterface)));

        // Kinds in C# reading order; within a kind by name, then overloads by their text.
        return new[] { fields, constructors, properties, events, methods }.SelectMany(members => members
            .OrderBy(member => member.Name, StringComparer.Ordinal)
            .ThenBy(member => member.Line, StringComparer.Ordinal)
            .Select(member => member.Line));
    }

    private static bool IsSpeakable(MemberInfo member) => !member.Name.Contains('<', StringComparison.Ordinal);

    // Extension blocks and other compiler output are public in metadata but have names C# cannot write.
    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || !IsSpeakable(type);
}
