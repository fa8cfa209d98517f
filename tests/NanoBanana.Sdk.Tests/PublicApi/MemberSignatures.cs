using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>One C#-like line per public or protected member: modifiers, types with nullable annotations, default values.</summary>
internal sealed class MemberSignatures
{
    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["op_Equality"] = "operator ==",
        ["op_Inequality"] = "operator !=",
        ["op_LessThan"] = "operator <",
        ["op_GreaterThan"] = "operator >",
        ["op_LessThanOrEqual"] = "operator <=",
        ["op_GreaterThanOrEqual"] = "operator >=",
    };

    // Not thread-safe, and each listing builds its own.
    private readonly NullabilityInfoContext _nullability = new();

    /// <summary>Whether code outside the assembly can see the member: public, protected or protected internal.</summary>
    public static bool IsVisible(MethodBase? method) => method is { IsPublic: true } or { IsFamily: true } or { IsFamilyOrAssembly: true };

    /// <summary>Whether code outside the assembly can see the field.</summary>
    public static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    /// <summary>An enum member with its value.</summary>
    public static string EnumMember(FieldInfo field) => $"{field.Name} = {Literal(field.GetRawConstantValue())},";

    /// <summary>A field, with the value of a constant.</summary>
    public string Field(FieldInfo field)
    {
        var info = _nullability.Create(field);
        var type = TypeNames.Format(field.FieldType, info, info.ReadState);
        var head = Access(field.IsPublic) + " ";
        return field.IsLiteral
            ? $"{head}const {type} {field.Name} = {Literal(field.GetRawConstantValue())};"
            : $"{head}{(field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{type} {field.Name};";
    }

    /// <summary>A constructor.</summary>
    public string Constructor(ConstructorInfo constructor) =>
        $"{Access(constructor.IsPublic)} {TypeNames.SimpleName(constructor.DeclaringType!)}({Parameters(constructor)});";

    /// <summary>A property or indexer with its visible accessors.</summary>
    public string Property(PropertyInfo property, bool inInterface)
    {
        var getter = property.GetMethod is { } get && IsVisible(get) ? get : null;
        var setter = property.SetMethod is { } set && IsVisible(set) ? set : null;
        var widest = getter is { IsPublic: true } || setter is not { IsPublic: true } ? getter ?? setter! : setter;
        var info = _nullability.Create(property);
        var type = TypeNames.Format(property.PropertyType, info, getter is not null ? info.ReadState : info.WriteState);
        var required = property.IsDefined(typeof(RequiredMemberAttribute), inherit: false) ? "required " : "";
        var name = property.GetIndexParameters().Length == 0 ? property.Name : $"this[{Parameters(property.GetIndexParameters())}]";

        var accessors = new List<string>();
        if (getter is not null)
        {
            accessors.Add(AccessorPrefix(getter, widest) + "get;");
        }

        if (setter is not null)
        {
            var init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            accessors.Add(AccessorPrefix(setter, widest) + (init ? "init;" : "set;"));
        }

        return $"{Modifiers(widest, inInterface)}{required}{type} {name} {{ {string.Join(" ", accessors)} }}";
    }

    /// <summary>An event.</summary>
    public string Event(EventInfo @event, bool inInterface)
    {
        var info = _nullability.Create(@event);
        var type = TypeNames.Format(@event.EventHandlerType!, info, info.ReadState);
        return $"{Modifiers(@event.AddMethod!, inInterface)}event {type} {@event.Name};";
    }

    /// <summary>A method, operator or conversion.</summary>
    public string Method(MethodInfo method, bool inInterface)
    {
        var returns = _nullability.Create(method.ReturnParameter);
        var returnType = TypeNames.Format(method.ReturnType, returns, returns.ReadState);
        var generics = method.IsGenericMethodDefinition ? method.GetGenericArguments() : [];
        var head = Modifiers(method, inInterface);
        var parameters = Parameters(method);

        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            return $"{head}{(method.Name == "op_Implicit" ? "implicit" : "explicit")} operator {returnType}({parameters});";
        }

        var name = Operators.TryGetValue(method.Name, out var symbol) ? symbol : method.Name + TypeNames.GenericParameters(generics);
        return $"{head}{returnType} {name}({parameters}){TypeNames.Constraints(generics)};";
    }

    /// <summary>A delegate type, as its declaration.</summary>
    public string Delegate(Type type)
    {
        var invoke = type.GetMethod("Invoke")!;
        var returns = _nullability.Create(invoke.ReturnParameter);
        var generics = type.IsGenericTypeDefinition ? type.GetGenericArguments() : [];
        var name = TypeNames.ShortName(type) + TypeNames.GenericParameters(generics);
        return $"public delegate {TypeNames.Format(invoke.ReturnType, returns, returns.ReadState)} {name}({Parameters(invoke)}){TypeNames.Constraints(generics)};";
    }

    private static string Access(bool isPublic) => isPublic ? "public" : "protected";

    private static string AccessorPrefix(MethodInfo accessor, MethodInfo widest) =>
        accessor.IsPublic == widest.IsPublic ? "" : Access(accessor.IsPublic) + " ";

    private static string Modifiers(MethodInfo method, bool inInterface)
    {
        if (inInterface)
        {
            return method.IsStatic ? (method.IsAbstract ? "static abstract " : "static ") : "";
        }

        var words = new List<string> { Access(method.IsPublic) };
        if (method.IsStatic)
        {
            words.Add("static");
        }
        else if (method.IsAbstract)
        {
            words.Add("abstract");
        }
        else if (method.IsVirtual && method.GetBaseDefinition().DeclaringType != method.DeclaringType)
        {
            words.Add(method.IsFinal ? "sealed override" : "override");
        }
        else if (method.IsVirtual && !method.IsFinal)
        {
            words.Add("virtual");
        }

        return string.Join(" ", words) + " ";
    }

    private string Parameters(MethodBase method)
    {
        var parameters = Parameters(method.GetParameters());
        return method.IsDefined(typeof(ExtensionAttribute), inherit: false) ? "this " + parameters : parameters;
    }

    private string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(Parameter));

    private string Parameter(ParameterInfo parameter)
    {
        var info = _nullability.Create(parameter);
        var type = parameter.ParameterType;
        var prefix = type.IsByRef
            ? parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref "
            : parameter.IsDefined(typeof(ParamArrayAttribute), inherit: false) || parameter.IsDefined(typeof(ParamCollectionAttribute), inherit: false) ? "params " : "";
        var formatted = TypeNames.Format(type, info, parameter.IsOut ? info.ReadState : info.WriteState);
        var text = $"{prefix}{formatted} {parameter.Name}";
        return parameter.HasDefaultValue ? $"{text} = {DefaultValue(parameter)}" : text;
    }

    private static string DefaultValue(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return parameter.RawDefaultValue switch
        {
            null when parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null => "default",
            null => "null",
            var value when type.IsEnum => $"{TypeNames.Format(type)}.{Enum.ToObject(type, value)}",
            var value => Literal(value),
        };
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        char character => $"'{character}'",
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
