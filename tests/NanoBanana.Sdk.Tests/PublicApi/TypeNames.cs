using System.Reflection;

namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>Writes a type as C# source would name it: keywords, short names, generic arguments and nullable annotations.</summary>
internal static class TypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(char)] = "char",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(nint)] = "nint",
        [typeof(nuint)] = "nuint",
    };

    /// <summary>The name of a type with no nullability information (base types, interfaces, constraints).</summary>
    public static string Format(Type type) => Format(type, null, NullabilityState.Unknown);

    /// <summary>The name of a type as used at one place, with <c>?</c> where that place is annotated nullable.</summary>
    /// <param name="type">The type.</param>
    /// <param name="nullability">The place's nullability, for the generic arguments and array elements inside it.</param>
    /// <param name="state">Whether the outermost type is nullable there (reads and writes may differ).</param>
    public static string Format(Type type, NullabilityInfo? nullability, NullabilityState state)
    {
        if (type.IsByRef || type.IsPointer)
        {
            var element = Format(type.GetElementType()!, nullability, state);
            return type.IsPointer ? element + "*" : element;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Format(underlying, nullability?.GenericTypeArguments.FirstOrDefault(), NullabilityState.Unknown) + "?";
        }

        var name = type switch
        {
            { IsArray: true } => Format(type.GetElementType()!, nullability?.ElementType, nullability?.ElementType?.ReadState ?? NullabilityState.Unknown)
                + "[" + new string(',', type.GetArrayRank() - 1) + "]",
            { IsGenericParameter: true } => type.Name,
            _ when Keywords.TryGetValue(type, out var keyword) => keyword,
            _ => Named(type, nullability),
        };

        return state == NullabilityState.Nullable && !type.IsValueType ? name + "?" : name;
    }

    /// <summary>A type's own name without namespace or generic arity, prefixed by its declaring types.</summary>
    public static string ShortName(Type type) =>
        type.IsNested && !type.IsGenericParameter ? ShortName(type.DeclaringType!) + "." + SimpleName(type) : SimpleName(type);

    /// <summary>A type's own name without generic arity, as a constructor is named.</summary>
    public static string SimpleName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    /// <summary>The generic parameters of a type or method definition, e.g. <c>&lt;T, TResult&gt;</c>, or nothing.</summary>
    public static string GenericParameters(IReadOnlyList<Type> parameters) =>
        parameters.Count == 0 ? "" : "<" + string.Join(", ", parameters.Select(p => p.Name)) + ">";

    /// <summary>The <c>where</c> clauses of generic parameters, each starting with a space, or nothing.</summary>
    public static string Constraints(IReadOnlyList<Type> parameters)
    {
        var clauses = new List<string>();
        foreach (var parameter in parameters)
        {
            var attributes = parameter.GenericParameterAttributes;
            var constraints = new List<string>();
            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("struct");
            }
            else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                constraints.Add("class");
            }

            constraints.AddRange(parameter.GetGenericParameterConstraints()
                .Where(constraint => constraint != typeof(ValueType))
                .Select(Format)
                .Order(StringComparer.Ordinal));

            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint)
                && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                clauses.Add($" where {parameter.Name} : {string.Join(", ", constraints)}");
            }
        }

        return string.Concat(clauses);
    }

    private static string Named(Type type, NullabilityInfo? nullability)
    {
        var name = ShortName(type);
        if (!type.IsGenericType)
        {
            return name;
        }

        var arguments = type.GetGenericArguments();
        var argumentNullability = nullability?.GenericTypeArguments;
        var formatted = arguments.Select((argument, i) =>
        {
            var info = argumentNullability is { Length: var length } && i < length ? argumentNullability[i] : null;
            return Format(argument, info, info?.ReadState ?? NullabilityState.Unknown);
        });
        return $"{name}<{string.Join(", ", formatted)}>";
    }
}
