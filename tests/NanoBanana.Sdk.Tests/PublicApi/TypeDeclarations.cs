using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>The declaration line of a type: kind, modifiers, name, generic parameters, base types and constraints.</summary>
internal static class TypeDeclarations
{
    private static readonly HashSet<Type> ImplicitBases = [typeof(object), typeof(ValueType), typeof(Enum), typeof(MulticastDelegate)];

    /// <summary>The line that declares <paramref name="type"/>, e.g. <c>public sealed record Foo : IEquatable&lt;Foo&gt;</c>.</summary>
    /// <param name="type">A type visible outside its assembly.</param>
    /// <param name="signatures">Formats a delegate's signature.</param>
    public static string Declaration(Type type, MemberSignatures signatures)
    {
        if (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate))
        {
            return signatures.Delegate(type);
        }

        var generics = type.IsGenericTypeDefinition ? type.GetGenericArguments() : [];
        var name = TypeNames.ShortName(type) + TypeNames.GenericParameters(generics);
        var bases = type.IsEnum ? EnumBase(type) : BaseList(type);
        return $"public {Kind(type)} {name}{(bases.Count == 0 ? "" : " : " + string.Join(", ", bases))}{TypeNames.Constraints(generics)}";
    }

    private static string Kind(Type type)
    {
        if (type.IsInterface)
        {
            return "interface";
        }

        if (type.IsEnum)
        {
            return "enum";
        }

        var record = IsRecord(type) ? "record " : "";
        if (type.IsValueType)
        {
            var readOnly = type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false) ? "readonly " : "";
            return $"{readOnly}{(type.IsByRefLike ? "ref " : "")}{record}struct";
        }

        var modifier = type switch
        {
            { IsAbstract: true, IsSealed: true } => "static ",
            { IsAbstract: true } => "abstract ",
            { IsSealed: true } => "sealed ",
            _ => "",
        };
        return modifier + (record.Length > 0 ? "record" : "class");
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly, [typeof(StringBuilder)])
            ?.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) == true;

    private static List<string> EnumBase(Type type)
    {
        var underlying = Enum.GetUnderlyingType(type);
        return underlying == typeof(int) ? [] : [TypeNames.Format(underlying)];
    }

    private static List<string> BaseList(Type type)
    {
        var bases = new List<string>();
        if (type.BaseType is { } baseType && !ImplicitBases.Contains(baseType))
        {
            bases.Add(TypeNames.Format(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsVisible).Select(TypeNames.Format).Order(StringComparer.Ordinal));
        return bases;
    }
}
